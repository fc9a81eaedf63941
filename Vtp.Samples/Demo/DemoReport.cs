using Spectre.Console;
using Vtp.Samples.Cli;

namespace Vtp.Samples.Demo;

/// <summary>The demo's closing report: metrics, example searches, the files written and what to try next.</summary>
internal static class DemoReport
{
    public static void Write(IAnsiConsole console, DemoResult result)
    {
        console.WriteLine();
        MetricsTable.Write(console, result.Metrics);
        console.WriteLine();
        console.MarkupLineInterpolated($"Example searches, text -> video (top {DemoExamples.Top} of {result.TestClips} held-out clips):");
        foreach (var example in result.Examples)
        {
            var found = example.Hits.FirstOrDefault(h => h.IsExpected) is { } right ? $"described clip at rank {right.Rank}" : $"described clip not in the top {DemoExamples.Top}";
            console.MarkupLineInterpolated($"  [bold]\"{example.Query}\"[/]: {found}");
            foreach (var hit in example.Hits)
            {
                var mark = hit.IsExpected ? "  [green]<- described clip[/]" : "";
                console.MarkupLine($"    {hit.Rank}. {hit.Score:0.000}  {Markup.Escape(hit.Video)}  \"{Markup.Escape(hit.Caption)}\"{mark}");
            }
        }
        console.WriteLine();
        console.MarkupLineInterpolated($"Model package: [bold]{result.Package}[/]");
        console.MarkupLineInterpolated($"Embeddings:    [bold]{string.Join(", ", result.EmbeddingFiles)}[/] (keys in the .keys.jsonl next to each)");
        console.MarkupLineInterpolated($"Time:          {string.Join(", ", result.PhaseSeconds.Select(kv => $"{kv.Key} {kv.Value:0.0} s"))}");
        console.MarkupLineInterpolated(
            $"Try:           vtp search --model {result.Package} --embeddings {result.EmbeddingFiles[0]} --text \"a small blue square moves up slowly\"");
    }
}
