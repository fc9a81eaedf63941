// One tiny demo world per test run, made with the CLI itself: generated clips, a tiny pretrained package and a tiny
// fine-tuned package (plumbing-sized: a few steps, not learning). The runs are kept for the tests of those commands.
namespace Vtp.Tests.Samples;

internal sealed class SampleWorld
{
    private static readonly Lazy<SampleWorld> Shared = new(() => new SampleWorld());

    public static SampleWorld Instance => Shared.Value;

    private SampleWorld()
    {
        Folder = Directory.CreateTempSubdirectory("vtp-samples-").FullName;
        TestFolders.DeleteAtEnd(Folder);
        var data = Path.Combine(Folder, "data");
        Generate = CliRun.Of("generate", "--out", data, "--train-clips", "32", "--test-clips", "12", "--frames", "8", "--size", "32", "--json").Ok();
        (TrainCsv, TestCsv) = (Path.Combine(data, "train.csv"), Path.Combine(data, "test.csv"));
        PretrainedPath = Path.Combine(Folder, "pretrained.zip");
        ModelPath = Path.Combine(Folder, "model.zip");
        Pretrain = CliRun.Of("pretrain", TrainCsv, "--out", PretrainedPath, "--preset", "tiny", "--vocabulary", "LearnFromCaptions",
            "--batch-size", "8", "--max-steps", "1", "--seed", "1", "--json").Ok();
        FineTune = CliRun.Of("finetune", TrainCsv, "--pretrained", PretrainedPath, "--out", ModelPath, "--batch-size", "8", "--max-steps", "2",
            "--seed", "2", "--validation", TestCsv, "--json").Ok();
    }

    /// <summary>The world's temporary folder (deleted when the test run ends).</summary>
    public string Folder { get; }

    public string TrainCsv { get; }
    public string TestCsv { get; }
    public string PretrainedPath { get; }
    public string ModelPath { get; }

    /// <summary>The runs that made the world.</summary>
    public CliRun Generate { get; }
    public CliRun Pretrain { get; }
    public CliRun FineTune { get; }

    /// <summary>A new empty folder inside the world.</summary>
    public string NewFolder() => Directory.CreateDirectory(Path.Combine(Folder, Guid.NewGuid().ToString("N"))).FullName;
}
