using System.CommandLine;
using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Samples.Data;
using Vtp.Samples.Embeddings;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp evaluate</c>: text-to-video and video-to-text retrieval metrics of a model on an annotation file.</summary>
internal static class EvaluateCommand
{
    /// <summary>The metrics and what they were computed on.</summary>
    public sealed record Result(string Data, string Model, VtpRetrievalMetrics Metrics, double ChanceR1);

    public static Command Create(CommandRunner runner)
    {
        var data = new Argument<string>("data") { Description = "Held-out annotations: CSV (video,caption[,start,end]), JSONL or SimVTP JSON" };
        var model = new ModelInputs();
        var command = new Command("evaluate",
            "Retrieval metrics of a fine-tuned model: each caption queries the distinct videos (and each video the captions); R@1/5/10/50, median and mean rank")
        {
            data,
        };
        model.AddTo(command);
        runner.Handle(command, (parse, io) =>
        {
            var samples = Annotations.Read(parse.GetValue(data)!);
            var context = new MLContext();
            using var retrieval = model.Load(parse, context);
            var metrics = Evaluate(io, context, retrieval, samples, model.EmbeddingOptions(parse));
            var result = new Result(parse.GetValue(data)!, model.PackagePath(parse), metrics, 100.0 / metrics.VideoCount);
            return io.Result(result, () => MetricsTable.Write(io.Out, metrics));
        },
            "vtp evaluate demo/test.csv --model demo/output/model.zip",
            "vtp evaluate demo/test.csv --model demo/output/model.zip --json");
        return command;
    }

    /// <summary>Embeds the distinct clips and every caption, then scores retrieval (a caption's match is its own clip).</summary>
    public static VtpRetrievalMetrics Evaluate(CommandIO io, MLContext context, SimVtpRetrievalModel model, IReadOnlyList<Vtp.Data.VideoTextSample> samples,
        SimVtpEmbeddingEstimator.Options batching)
    {
        var (clips, clipOfSample) = Annotations.DistinctClips(samples);
        var videos = DatasetEmbedder.Embed(io, context, model, clips, EmbeddingKind.Video, batching, "Embedding videos");
        var captions = DatasetEmbedder.Embed(io, context, model, samples, EmbeddingKind.Caption, batching, "Embedding captions");
        return VtpRetrievalEvaluator.Evaluate(captions, videos, clipOfSample);
    }
}
