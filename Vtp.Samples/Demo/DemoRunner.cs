using System.Diagnostics;
using Spectre.Console;
using Microsoft.ML;
using Vtp.Data;
using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Samples.Cli;
using Vtp.Samples.Commands;
using Vtp.Samples.DemoData;
using Vtp.Samples.Embeddings;
using Vtp.Text;

namespace Vtp.Samples.Demo;

/// <summary>
/// The demo: demo data (generated if absent), a vocabulary learned from the training captions, pretraining, retrieval
/// fine-tuning, then (through Vtp.MLNet) the model package, embeddings of the held-out clips and captions, retrieval
/// metrics and example searches.
/// </summary>
internal sealed class DemoRunner(CommandIO io, DemoOptions options)
{
    private readonly Dictionary<string, double> seconds = [];

    /// <summary>Runs every phase; an interrupted run keeps its checkpoints, and the next run resumes from them.</summary>
    public DemoResult Run()
    {
        options.Validate();
        var (generated, train, test) = Timed("data", LoadData);
        var tokenizer = new BertTokenizer(WordPieceVocabularyBuilder.Build(train.Select(s => s.Caption), options.VocabularySize));
        var config = SimVtpConfig.Tiny with { VocabSize = tokenizer.Vocabulary.Count };
        Say($"Model: tiny SimVTP (encoder {config.EncoderEmbedDim} wide x {config.EncoderDepth} blocks, {config.NumFrames} frames of {config.ImageSize} px), " +
            $"vocabulary of {tokenizer.Vocabulary.Count} tokens learned from the training captions.");
        var checkpoints = Path.Combine(options.OutputDirectory, "checkpoints");
        var trainer = new DemoTrainer(io, options, checkpoints);
        Vtp.Training.TrainingRun? pretraining = null;
        SimVtpPretrainModel? pretrained = null;
        if (options.PretrainEpochs > 0) (pretrained, pretraining) = Timed("pretrain", () => trainer.Pretrain(config, tokenizer, train));
        Vtp.Training.TrainingRun fineTuning;
        DualEncoder dual;
        using (pretrained) (dual, fineTuning) = Timed("finetune", () => trainer.FineTune(config, tokenizer, train, pretrained));
        using var model = Wrap(dual, tokenizer);
        var package = Path.Combine(options.OutputDirectory, "model.zip");
        model.Save(package);
        var (metrics, examples, files) = Timed("evaluate", () => Evaluate(model, test));
        if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
        return new DemoResult(Paths.Relative(options.DataDirectory), generated, train.Count, test.Count, tokenizer.Vocabulary.Count,
            pretraining?.Steps ?? 0, fineTuning.Steps, pretraining?.Last?.Losses, fineTuning.Last?.Losses, metrics, 100.0 / metrics.VideoCount, examples,
            Paths.Relative(package), files, seconds);
    }

    private (bool Generated, IReadOnlyList<VideoTextSample> Train, IReadOnlyList<VideoTextSample> Test) LoadData()
    {
        var trainCsv = Path.Combine(options.DataDirectory, "train.csv");
        var testCsv = Path.Combine(options.DataDirectory, "test.csv");
        var generate = !File.Exists(trainCsv) || !File.Exists(testCsv);
        if (generate) GenerateCommand.Generate(io, new DemoDataOptions { OutputDirectory = options.DataDirectory });
        var train = Take(VideoTextDataset.Read(trainCsv), options.TrainClips, trainCsv);
        var test = Take(VideoTextDataset.Read(testCsv), options.TestClips, testCsv);
        Say($"Demo data: {Paths.Relative(options.DataDirectory)} ({(generate ? "generated" : "found")}); " +
            $"{train.Count} training clips, {test.Count} held-out clips showing colour-shape-motion combinations never seen in training.");
        return (generate, train, test);
    }

    private static IReadOnlyList<VideoTextSample> Take(IReadOnlyList<VideoTextSample> samples, int count, string path) => samples.Count >= count
        ? samples.Take(count).ToList()
        : throw new CliException(ExitCodes.BadInput, $"'{path}' has {samples.Count} clips; the demo uses {count}.",
            $"Delete the folder to have it generated again, or run 'vtp generate --out {Path.GetDirectoryName(path)}'.");

    private static SimVtpRetrievalModel Wrap(DualEncoder dual, BertTokenizer tokenizer)
    {
        try
        {
            return new SimVtpRetrievalModel(dual, tokenizer);
        }
        catch
        {
            dual.Dispose();
            throw;
        }
    }

    // Embeds the held-out clips and captions through Vtp.MLNet's transform, writes them, and scores retrieval.
    private (VtpRetrievalMetrics, IReadOnlyList<ExampleSearch>, IReadOnlyList<string>) Evaluate(SimVtpRetrievalModel model, IReadOnlyList<VideoTextSample> test)
    {
        var context = new MLContext(options.Seed);
        var batching = new SimVtpEmbeddingEstimator.Options { DecodeWorkers = options.DecodeWorkers };
        var videos = DatasetEmbedder.Embed(io, context, model, test, EmbeddingKind.Video, batching, "Embedding held-out videos");
        var captions = DatasetEmbedder.Embed(io, context, model, test, EmbeddingKind.Caption, batching, "Embedding held-out captions");
        var videoFile = Path.Combine(options.OutputDirectory, "test-videos.npy");
        var captionFile = Path.Combine(options.OutputDirectory, "test-captions.npy");
        var videoSet = new EmbeddingSet(EmbeddingKind.Video, test.Select(s => Paths.Relative(s.VideoPath)).ToList(), videos);
        EmbeddingFile.Write(videoFile, videoSet);
        EmbeddingFile.Write(captionFile, new EmbeddingSet(EmbeddingKind.Caption, test.Select(s => s.Caption).ToList(), captions));
        var metrics = VtpRetrievalEvaluator.Evaluate(captions, videos);
        var examples = DemoExamples.Search(videoSet, test, captions, options.ExampleSearches);
        return (metrics, examples, [Paths.Relative(videoFile), Paths.Relative(captionFile)]);
    }

    private T Timed<T>(string phase, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        seconds[phase] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        return result;
    }

    private void Say(string text)
    {
        if (!io.Json) io.Out.WriteLine(text);
    }
}
