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
    /// <param name="Shard">"i/n" when one shard was embedded.</param>
    public sealed record Result(string File, string? KeysFile, string Kind, int Count, int Dimension, string? Shard);

    public static Command Create(CommandRunner runner)
    {
        var data = new Argument<string>("data") { Description = "Annotations: CSV (video,caption[,start,end]), JSONL or SimVTP JSON" };
        var kind = new Option<EmbeddingKind>("--kind") { Description = "Embed each distinct Video (clip), or each Caption", Required = true };
        var output = new Option<string>("--out") { Description = "Embedding file: .csv, .jsonl or .npy (with a .keys.jsonl next to it); see docs/formats.md", Required = true };
        var shard = new Option<string?>("--shard")
        {
            Description = "Embed only shard i of n (i/n, 0-based), cut at batch boundaries; join the shards with 'vtp embed-merge'",
        };
        var model = new ModelInputs();
        var command = new Command("embed", "Embed the videos or the captions of an annotation file with a fine-tuned model") { data, kind, output, shard };
        model.AddTo(command);
        runner.Handle(command, (parse, io) =>
        {
            var target = parse.GetValue(output)!;
            if (!EmbeddingFile.Extensions.Contains(Path.GetExtension(target).ToLowerInvariant()))
                throw new CliException(ExitCodes.Usage, $"--out '{target}' has an unknown extension; expected {string.Join(", ", EmbeddingFile.Extensions)}.",
                    "The extension chooses the format (docs/formats.md).");
            var what = parse.GetValue(kind);
            var options = model.EmbeddingOptions(parse);
            var samples = Annotations.Read(parse.GetValue(data)!);
            var rows = what == EmbeddingKind.Video ? Annotations.DistinctClips(samples).Clips : samples;
            var keys = rows.Select(s => what == EmbeddingKind.Video ? Paths.Relative(s.VideoPath) : s.Caption).ToList();
            var part = parse.GetValue(shard) is { } text ? Plan(text, keys, options.BatchSize, what) : null;
            var (start, end) = part is null ? (0, rows.Count) : (part.Start, part.End);
            var context = new MLContext();
            using var retrieval = model.Load(parse, context);
            var vectors = DatasetEmbedder.Embed(io, context, retrieval, rows.Take(start..end).ToList(), what, options,
                what == EmbeddingKind.Video ? "Embedding videos" : "Embedding captions");
            var set = new EmbeddingSet(what, keys[start..end], vectors);
            EmbeddingFile.Write(target, set);
            part?.Write(target);
            var result = new Result(target, target.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? NpyEmbeddings.KeysPath(target) : null,
                EmbeddingSet.KeyName(what), set.Keys.Count, set.Dimension, part is null ? null : $"{part.Index}/{part.Count}");
            var keysNote = result.KeysFile is { } k ? $" (keys: {k})" : "";
            var shardNote = part is null ? "" : $", shard {part.Index}/{part.Count}: rows {part.Start}..{part.End - 1} of {part.Total}";
            return io.Result(result, () => io.Out.MarkupLineInterpolated(
                $"Wrote {result.Count} {result.Kind} embeddings of {result.Dimension} values to [bold]{result.File}[/]{keysNote}{shardNote}."));
        },
            "vtp embed demo/test.csv --kind video --model demo/output/model.zip --out videos.npy",
            "vtp embed demo/test.csv --kind caption --model demo/output/model.zip --out captions.jsonl",
            "vtp embed corpus.csv --kind video --model model.zip --shard 2/8 --out shards/videos-2.npy   # then: vtp embed-merge shards/*.npy --out videos.npy");
        return command;
    }

    private static EmbeddingShard Plan(string text, IReadOnlyList<string> keys, int batchSize, EmbeddingKind kind)
    {
        try
        {
            var (index, count) = EmbeddingShard.Parse(text);
            return EmbeddingShard.Plan(index, count, keys, batchSize, kind);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliException(ExitCodes.Usage, $"--shard: {e.Message}", "Give --shard i/n with 0 <= i < n, at most one shard per batch of --batch-size rows.");
        }
    }
}
