// One generated demo world per test run (captioned moving shapes, held-out attribute combinations), shared by the
// learning tests, with a WordPiece vocabulary built from its training captions.
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Samples.DemoData;
using Vtp.Text;

namespace Vtp.Tests.Learning;

internal sealed class DemoWorld
{
    private static readonly Lazy<DemoWorld> Shared = new(() => new DemoWorld());

    public static DemoWorld Instance => Shared.Value;

    private DemoWorld()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vtp-demo-world-").FullName;
        Summary = DemoDataGenerator.Generate(new DemoDataOptions { OutputDirectory = Directory, Seed = 1 }, null);
        Train = VideoTextDataset.Read(Path.Combine(Directory, "train.csv"));
        Test = VideoTextDataset.Read(Path.Combine(Directory, "test.csv"));
        var vocabulary = WordPieceVocabularyBuilder.Build(Train.Select(s => s.Caption), 128);
        Tokenizer = new BertTokenizer(vocabulary);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(Directory, true);
    }

    public string Directory { get; }
    public DemoDataSummary Summary { get; }
    public IReadOnlyList<VideoTextSample> Train { get; }
    public IReadOnlyList<VideoTextSample> Test { get; }
    public BertTokenizer Tokenizer { get; }

    /// <summary>The tiny preset sized to the built vocabulary.</summary>
    public SimVtpConfig Config => SimVtpConfig.Tiny with { VocabSize = Tokenizer.Vocabulary.Count };
}
