// vtp pretrain and vtp finetune: the happy path (on the shared world), their input errors, and Ctrl+C.
using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Tests.Modeling;
using Vtp.Tests.Support;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class TrainingCommandTests
{
    [TestMethod]
    public void Pretrain_RunsTheAskedStepsAndWritesALoadablePackage()
    {
        var world = SampleWorld.Instance;
        var json = world.Pretrain.Json();

        Assert.AreEqual(1, json.GetProperty("steps").GetInt64());
        Assert.IsTrue(json.GetProperty("losses").TryGetProperty("mlm", out _), world.Pretrain.Stdout);
        using var loaded = SimVtpPretrainTransformer.Load(new MLContext(), world.PretrainedPath);
        Assert.AreEqual(64, loaded.Config.EncoderEmbedDim, "the tiny preset asked for");
        Assert.IsTrue(loaded.Tokenizer.Vocabulary.Count < 1000, $"a vocabulary learned from the captions, got {loaded.Tokenizer.Vocabulary.Count} tokens");
    }

    [TestMethod]
    public void FineTune_StartsFromThePretrainedPackageAndValidates()
    {
        var world = SampleWorld.Instance;
        var json = world.FineTune.Json();

        Assert.AreEqual(2, json.GetProperty("steps").GetInt64());
        Assert.AreEqual(12, json.GetProperty("validation")[0].GetProperty("metrics").GetProperty("text_count").GetInt32());
        using var pretrained = SimVtpPretrainTransformer.Load(new MLContext(), world.PretrainedPath);
        using var model = SimVtpRetrievalModel.Load(new MLContext(), world.ModelPath);
        Assert.AreEqual(pretrained.Config, model.Config, "the fine-tuned model keeps the pretrained config");
        CollectionAssert.AreEqual(pretrained.Tokenizer.Vocabulary.Tokens.ToArray(), model.Tokenizer.Vocabulary.Tokens.ToArray());
    }

    [TestMethod]
    public void Pretrain_MissingAnnotationFile_IsBadInput()
    {
        var folder = SampleWorld.Instance.NewFolder();
        CliRun.Of("pretrain", Path.Combine(folder, "none.csv"), "--out", Path.Combine(folder, "p.zip")).Fails(ExitCodes.BadInput, "none.csv");
        Assert.IsFalse(File.Exists(Path.Combine(folder, "p.zip")));
    }

    [TestMethod]
    public void Pretrain_MalformedAnnotationFile_NamesTheLine()
    {
        var folder = SampleWorld.Instance.NewFolder();
        var csv = Path.Combine(folder, "bad.csv");
        File.WriteAllText(csv, "video,caption\na.mp4,a red circle\nb.mp4,\n");

        CliRun.Of("pretrain", csv, "--out", Path.Combine(folder, "p.zip")).Fails(ExitCodes.BadInput, "line 3");
    }

    [TestMethod]
    public void Pretrain_InvalidOption_IsAUsageErrorNamingIt()
    {
        var folder = SampleWorld.Instance.NewFolder();
        CliRun.Of("pretrain", SampleWorld.Instance.TrainCsv, "--out", Path.Combine(folder, "p.zip"), "--batch-size", "1")
            .Fails(ExitCodes.Usage, "--batch-size must be at least 2");
    }

    [TestMethod]
    public void Pretrain_LearningRatesOutOfRange_AreUsageErrorsNamingTheirOptions()
    {
        var folder = SampleWorld.Instance.NewFolder();
        string[] Args(params string[] options) => ["pretrain", SampleWorld.Instance.TrainCsv, "--out", Path.Combine(folder, "p.zip"), .. options];

        CliRun.Of(Args("--lr", "-1")).Fails(ExitCodes.Usage, "--lr must be a finite number > 0, got -1.");
        CliRun.Of(Args("--lr", "0.1", "--min-lr", "1")).Fails(ExitCodes.Usage, "--min-lr must be in [0, --lr = 0.1], got 1.");
        Assert.IsFalse(File.Exists(Path.Combine(folder, "p.zip")));
    }

    [TestMethod]
    public void FineTune_MissingPretrainedPackage_IsBadInput()
    {
        var folder = SampleWorld.Instance.NewFolder();
        CliRun.Of("finetune", SampleWorld.Instance.TrainCsv, "--pretrained", Path.Combine(folder, "none.zip"), "--out", Path.Combine(folder, "m.zip"))
            .Fails(ExitCodes.BadInput, "none.zip");
    }

    [TestMethod]
    public void FineTune_AFineTunedPackageAsPretrained_IsBadInputNamingTheKind()
    {
        var folder = SampleWorld.Instance.NewFolder();
        CliRun.Of("finetune", SampleWorld.Instance.TrainCsv, "--pretrained", SampleWorld.Instance.ModelPath, "--out", Path.Combine(folder, "m.zip"),
            "--max-steps", "1").Fails(ExitCodes.BadInput, "model.zip");
    }

    [TestMethod]
    public void FineTune_FromOfficialPyTorchWeights_WritesAPackage()
    {
        var world = SampleWorld.Instance;
        var folder = world.NewFolder();
        using var dump = new ReferenceDump("cli-pth").Init("tiny", seed: 5, batch: 2, textLength: 5);
        var weights = Path.Combine(folder, "simvtp.pth");
        ReferencePython.Script("pth_fixtures.py", "checkpoint", "--dir", dump.Directory, "--out", weights, "--layout", "training");

        var json = CliRun.Of("finetune", world.TrainCsv, "--pretrained-weights", weights, "--preset", "tiny", "--out", Path.Combine(folder, "m.zip"),
            "--batch-size", "8", "--max-steps", "1", "--seed", "2", "--json").Ok().Json();

        Assert.AreEqual(1, json.GetProperty("steps").GetInt64());
        using var loaded = SimVtpEmbeddingTransformer.Load(new MLContext(), Path.Combine(folder, "m.zip"));
        Assert.AreEqual(64, loaded.Dimension, "the tiny preset asked for");
    }

    [TestMethod]
    public void FineTune_HostilePretrainedWeights_IsBadInputNamingTheCallable()
    {
        var folder = SampleWorld.Instance.NewFolder();
        ReferencePython.Script("pth_fixtures.py", "hostile", "--out", folder);

        CliRun.Of("finetune", SampleWorld.Instance.TrainCsv, "--pretrained-weights", Path.Combine(folder, "posix-system.pth"), "--preset", "tiny",
            "--out", Path.Combine(folder, "m.zip")).Fails(ExitCodes.BadInput, "asks the unpickler for 'posix.system'");
        Assert.IsFalse(File.Exists(Path.Combine(folder, "posix-system.ran")), "the payload ran");
    }
}
