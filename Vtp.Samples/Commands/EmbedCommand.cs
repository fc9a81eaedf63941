using System.CommandLine;
using Spectre.Console;
using Microsoft.ML;
using Vtp.Data;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Samples.Data;
using Vtp.Samples.Embeddings;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp embed</c>: the videos or captions of an annotation file as embedding vectors, written as CSV, JSONL or .npy.</summary>
internal static class EmbedCommand
{
    /// <summary>What was written.</summary>
    public sealed record Result(string File, string? KeysFile, string Kind, int Count, int Dimension);

    public static Command Create(CommandRunner runner)
    {
        var data = new Argument<string>("data") { Description = "Annotations: CSV (video,caption[,start,end]), JSONL or SimVTP JSON" };
        var kind = new Option<EmbeddingKind>("--kind") { Description = "Embed each distinct Video (clip), or each Caption", Required = true };
        var output = new Option<string>("--out") { Description = "Embedding file: .csv, .jsonl or .npy (with a .keys.jsonl next to it); see docs/formats.md", Required = true };
        var model = new ModelInputs();
        var command = new Command("embed", "Embed the videos or the captions of an annotation file with a fine-tuned model") { data, kind, output };
        model.AddTo(command);
        runner.Handle(command, (parse, io) =>
        {
            var target = parse.GetValue(output)!;
            if (!EmbeddingFile.Extensions.Contains(Path.GetExtension(target).ToLowerInvariant()))
                throw new CliException(ExitCodes.Usage, $"--out '{target}' has an unknown extension; expected {string.Join(", ", EmbeddingFile.Extensions)}.",
                    "The extension chooses the format (docs/formats.md).");
            var samples = Annotations.Read(parse.GetValue(data)!);
            var what = parse.GetValue(kind);
            var context = new MLContext();
            using var retrieval = model.Load(parse, context);
            var set = Embed(io, context, retrieval, samples, what, model.EmbeddingOptions(parse));
            EmbeddingFile.Write(target, set);
            var result = new Result(target, target.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? NpyEmbeddings.KeysPath(target) : null,
                EmbeddingSet.KeyName(what), set.Keys.Count, set.Dimension);
            return io.Result(result, () => io.Out.MarkupLineInterpolated(
                $"Wrote {result.Count} {result.Kind} embeddings of {result.Dimension} values to [bold]{result.File}[/]{(result.KeysFile is { } k ? $" (keys: {k})" : "")}."));
        },
            "vtp embed demo/test.csv --kind video --model demo/output/model.zip --out videos.npy",
            "vtp embed demo/test.csv --kind caption --model demo/output/model.zip --out captions.jsonl");
        return command;
    }

    /// <summary>The embeddings of the distinct clips (keyed by path relative to the current directory) or of every caption.</summary>
    private static EmbeddingSet Embed(CommandIO io, MLContext context, SimVtpRetrievalModel model, IReadOnlyList<VideoTextSample> samples,
        EmbeddingKind kind, SimVtpEmbeddingEstimator.Options options)
    {
        var rows = kind == EmbeddingKind.Video ? Annotations.DistinctClips(samples).Clips : samples;
        var vectors = DatasetEmbedder.Embed(io, context, model, rows, kind, options, kind == EmbeddingKind.Video ? "Embedding videos" : "Embedding captions");
        var keys = rows.Select(s => kind == EmbeddingKind.Video ? Paths.Relative(s.VideoPath) : s.Caption).ToList();
        return new EmbeddingSet(kind, keys, vectors);
    }
}
