using System.CommandLine;
using Spectre.Console;
using Vtp.Samples.Cli;
using Vtp.Samples.Embeddings;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp embed-merge</c>: joins the shard files of <c>vtp embed --shard i/n</c> into one embedding file.</summary>
internal static class EmbedMergeCommand
{
    /// <summary>What was written.</summary>
    public sealed record Result(string File, string Kind, int Shards, int Count, int Dimension);

    public static Command Create(CommandRunner runner)
    {
        var shards = new Argument<string[]>("shards") { Description = "Every shard file of one job (each with its .shard.json next to it)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Merged embedding file: .csv, .jsonl or .npy", Required = true };
        var command = new Command("embed-merge", "Join the shards of 'vtp embed --shard i/n' into one file, checking each shard is there exactly once") { shards, output };
        runner.Handle(command, (parse, io) =>
        {
            var files = parse.GetValue(shards)!;
            var set = EmbeddingShardMerger.Merge(files);
            var target = parse.GetValue(output)!;
            EmbeddingFile.Write(target, set);
            var result = new Result(target, EmbeddingSet.KeyName(set.Kind), files.Length, set.Keys.Count, set.Dimension);
            return io.Result(result, () => io.Out.MarkupLineInterpolated(
                $"Merged {result.Shards} shards: {result.Count} {result.Kind} embeddings of {result.Dimension} values in [bold]{result.File}[/]."));
        },
            "vtp embed-merge shards/videos-*.npy --out videos.npy");
        return command;
    }
}
