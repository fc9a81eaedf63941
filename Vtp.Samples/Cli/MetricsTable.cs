using Spectre.Console;
using Vtp.MLNet;
using Vtp.Modeling;

namespace Vtp.Samples.Cli;

/// <summary>Retrieval metrics as a table: recall at 1/5/10 (percent) and the median rank, both directions.</summary>
internal static class MetricsTable
{
    /// <summary>Writes the table and the chance level of R@1 (one match among the gallery).</summary>
    public static void Write(IAnsiConsole console, VtpRetrievalMetrics metrics)
    {
        console.MarkupLineInterpolated(
            $"Retrieval over {metrics.TextCount} captions and {metrics.VideoCount} videos (chance R@1: {100.0 / metrics.VideoCount:0.0}% text to video):");
        var table = new Table().AddColumns("direction", "R@1 %", "R@5 %", "R@10 %", "median rank");
        void Row(string name, RetrievalScores s) => table.AddRow(name, $"{s.R1:0.0}", $"{s.R5:0.0}", $"{s.R10:0.0}", $"{s.MedianRank:0.#}");
        Row("text -> video", metrics.TextToVideo);
        Row("video -> text", metrics.VideoToText);
        console.Write(table);
    }
}
