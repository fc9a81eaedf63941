using System.CommandLine;
using Microsoft.ML;
using Spectre.Console;
using Vtp.Samples.Cli;
using Vtp.Samples.Embeddings;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp search</c>: a text or a video query against an embedding file, top-k by cosine similarity.</summary>
internal static class SearchCommand
{
    /// <summary>The query and its best matches.</summary>
    public sealed record Result(string Query, string QueryKind, string Embeddings, IReadOnlyList<SearchHit> Hits);

    public static Command Create(CommandRunner runner)
    {
        var embeddings = new Option<string>("--embeddings") { Description = "Embedding file to search (.csv, .jsonl or .npy, from 'vtp embed' or the demo)", Required = true };
        var text = new Option<string?>("--text") { Description = "A text query (searches video embeddings for matching clips)" };
        var video = new Option<string?>("--video") { Description = "A video query (searches caption embeddings, or videos for similar clips)" };
        var top = new Option<int>("--top") { Description = "Results to show", DefaultValueFactory = _ => EmbeddingSearch.DefaultTop };
        var model = new ModelInputs();
        var command = new Command("search", "Search an embedding file with a text or a video query, by cosine similarity") { embeddings, text, video, top };
        model.AddTo(command);
        runner.Handle(command, (parse, io) =>
        {
            var (queryText, queryVideo) = (parse.GetValue(text), parse.GetValue(video));
            if ((queryText is null) == (queryVideo is null))
                throw new CliException(ExitCodes.Usage, "Give exactly one query: --text \"...\" or --video <file>.", "Run 'vtp search --help' for examples.");
            if (queryVideo is not null && !File.Exists(queryVideo)) throw CliException.MissingFile(queryVideo, "Query video");
            var file = parse.GetValue(embeddings)!;
            var set = EmbeddingFile.Read(file);
            var context = new MLContext();
            using var retrieval = model.Load(parse, context);
            if (set.Dimension != retrieval.Dimension)
                throw new CliException(ExitCodes.BadInput, $"The embeddings in '{file}' have {set.Dimension} values but the model's have {retrieval.Dimension}.",
                    "Search embeddings made by the same model ('vtp embed ... --model <the same package>').");
            var options = model.EmbeddingOptions(parse);
            var query = queryText is not null
                ? retrieval.EmbedTexts([queryText], options.BatchSize, io.CancellationToken)[0]
                : retrieval.EmbedVideos([queryVideo!], options.BatchSize, options.DecodeWorkers, io.CancellationToken)[0];
            var result = new Result(queryText ?? queryVideo!, queryText is not null ? "text" : "video", file,
                EmbeddingSearch.Top(set, query, parse.GetValue(top)));
            return io.Result(result, () => Print(io, result));
        },
            "vtp search --model demo/output/model.zip --embeddings demo/output/test-videos.npy --text \"a red circle moves left quickly\"",
            "vtp search --model demo/output/model.zip --embeddings demo/output/test-captions.npy --video demo/videos/test_0003.mp4 --top 3");
        return command;
    }

    private static void Print(CommandIO io, Result result)
    {
        io.Out.MarkupLineInterpolated($"Top {result.Hits.Count} for the {result.QueryKind} query [bold]{result.Query}[/]:");
        var table = new Table().AddColumns("rank", "score", "match");
        foreach (var hit in result.Hits) table.AddRow($"{hit.Rank}", $"{hit.Score:0.000}", Markup.Escape(hit.Key));
        io.Out.Write(table);
    }
}
