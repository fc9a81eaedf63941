using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Samples.DemoData;

namespace Vtp.Tests.MLNet;

// One small demo data set (64 training and 24 test clips of 8 frames at 32 px) generated once per test run, the
// tiny CI-sized training options the pipeline tests use, and one fitted pretrain -> fine-tune pipeline they share.
public static class DemoSet
{
    private const string Prefix = "vtp-tests-mlnet-";
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
    private static readonly Lazy<DemoDataSummary> Data = new(Generate);
    private static readonly Lazy<FittedPipeline> Pipeline = new(FitShared);
    private static readonly Lazy<List<EmbeddedRow>> TestOutput = new(EmbedTestRows);

    public static DemoDataSummary Summary => Data.Value;

    /// <summary>The training rows (paths absolute, as the generator returns them).</summary>
    public static ClipRow[] Train => Summary.Train.Select(c => new ClipRow { VideoPath = c.VideoPath, Caption = c.Caption }).ToArray();

    /// <summary>The held-out rows.</summary>
    public static ClipRow[] Test => Summary.Test.Select(c => new ClipRow { VideoPath = c.VideoPath, Caption = c.Caption }).ToArray();

    /// <summary>A fresh folder for one test's files, deleted with the rest at process exit.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Tiny model, vocabulary learned from the captions, 4 clips per step, 2 steps: plumbing, not learning.</summary>
    public static T Tiny<T>(T options, long maxSteps = 2) where T : SimVtpTrainerOptions
    {
        options.Config = SimVtpConfig.Tiny;
        options.Vocabulary = VocabularySource.LearnFromCaptions;
        options.VocabularySize = 200;
        options.BatchSize = 4;
        options.MaxSteps = maxSteps;
        options.BaseLearningRate = 1e-2;
        options.Seed = 7;
        options.LogEverySteps = 1;
        options.EmbeddingBatchSize = 8;
        return options;
    }

    /// <summary>The shared pipeline fitted once on the training rows (LoadFromEnumerable), with its log lines.</summary>
    public static FittedPipeline Shared => Pipeline.Value;

    /// <summary>The shared pipeline's output on every test row (computed once).</summary>
    public static IReadOnlyList<EmbeddedRow> SharedTestOutput => TestOutput.Value;

    /// <summary>pretrain.Append(fine-tune) with the tiny options; relative video paths resolve against <paramref name="videoFolder"/>.</summary>
    public static EstimatorChain<SimVtpEmbeddingTransformer> TinyPipeline(MLContext context, string? videoFolder = null,
        Action<SimVtpFineTuneEstimator.Options>? adjust = null)
    {
        var pretrain = context.Vtp().Pretrain(Tiny(new SimVtpPretrainEstimator.Options { VideoFolder = videoFolder }));
        var fineTune = Tiny(new SimVtpFineTuneEstimator.Options { Pretrained = pretrain, VideoFolder = videoFolder });
        fineTune.Config = null;
        adjust?.Invoke(fineTune);
        return pretrain.Append(context.Vtp().FineTune(fineTune));
    }

    private static FittedPipeline FitShared()
    {
        var context = new MLContext(1);
        var log = new List<string>();
        context.Log += (_, e) => { lock (log) log.Add(e.Message); };
        var model = TinyPipeline(context).Fit(context.Data.LoadFromEnumerable(Train));
        return new FittedPipeline(context, model, log);
    }

    private static List<EmbeddedRow> EmbedTestRows()
    {
        var shared = Shared;
        var output = shared.Model.Transform(shared.Context.Data.LoadFromEnumerable(Test));
        return shared.Context.Data.CreateEnumerable<EmbeddedRow>(output, reuseRowObject: false).ToList();
    }

    // The folder goes when the test run ends; folders of earlier test processes that did not get that far go here.
    private static DemoDataSummary Generate()
    {
        DeleteFoldersOfEndedRuns();
        TestFolders.DeleteAtEnd(Root);
        return DemoDataGenerator.Generate(new DemoDataOptions
        {
            OutputDirectory = Path.Combine(Root, "demo"), TrainClips = 64, TestClips = 24, Frames = 8, Size = 32, Seed = 3, Parallelism = 2,
        });
    }

    private static void DeleteFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), $"{Prefix}*"))
        {
            var owner = Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
            if (int.TryParse(owner, out var pid) && !Directory.Exists($"/proc/{pid}"))
                Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed record FittedPipeline(MLContext Context, TransformerChain<SimVtpEmbeddingTransformer> Model, List<string> Log);

public sealed class ClipRow
{
    public string VideoPath { get; set; } = "";
    public string Caption { get; set; } = "";
}

public sealed class CsvClipRow
{
    [LoadColumn(0)] public string VideoPath { get; set; } = "";
    [LoadColumn(1)] public string Caption { get; set; } = "";
}

public sealed class Similarity
{
    public float Cosine { get; set; }
}

public sealed class EmbeddedRow
{
    public string VideoPath { get; set; } = "";
    public string Caption { get; set; } = "";
    [VectorType(64)]
    public float[] VideoEmbedding { get; set; } = [];
    [VectorType(64)]
    public float[] TextEmbedding { get; set; } = [];
}
