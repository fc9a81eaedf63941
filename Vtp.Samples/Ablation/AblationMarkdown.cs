using System.Globalization;
using System.Text;

namespace Vtp.Samples.Ablation;

/// <summary>Where and how an ablation ran, for the header of its results.</summary>
/// <param name="Command">The command line that made it.</param>
/// <param name="Date">When it finished.</param>
/// <param name="Machine">The machine, in words (cores, load).</param>
/// <param name="World">The data, in words.</param>
public sealed record AblationRunInfo(string Command, DateTime Date, string Machine, string World);

/// <summary>
/// Renders an ablation as Markdown: a block between two marker comments holding the run facts, the table (mean ± std
/// and min-max over seeds per metric), the last pretraining losses and every run. <see cref="Merge"/> replaces that
/// block in an existing document and keeps the hand-written text around it.
/// </summary>
public static class AblationMarkdown
{
    /// <summary>First line of the generated block.</summary>
    public const string Begin = "<!-- ablation results: written by `Vtp.Benchmarks ablation`; rerunning replaces everything up to the end marker -->";

    /// <summary>Last line of the generated block.</summary>
    public const string End = "<!-- end of ablation results -->";

    private static readonly string[] LossParts = ["total", "pix", "mlm", "vtc", "vtm"];

    /// <summary>The generated block, markers included.</summary>
    public static string Results(AblationTable table, AblationRunInfo info)
    {
        var budget = table.Budget;
        var text = new StringBuilder().AppendLine(Begin);
        text.AppendLine(Invariant($"Command: `{info.Command}`  "));
        text.AppendLine(Invariant($"Finished {info.Date:yyyy-MM-dd HH:mm} UTC on {info.Machine}; {table.Runs.Count} runs ({table.Rows.Count} rows x {table.Seeds.Count} seeds: {string.Join(", ", table.Seeds)}), wall time {table.Elapsed.TotalMinutes:0.0} min.  "));
        text.AppendLine(Invariant($"Data: {info.World}.  "));
        text.AppendLine(Invariant($"Budget of every run: {budget.PretrainSteps} pretraining steps and {budget.FineTuneSteps} fine-tuning steps at batch {budget.BatchSize}, peak learning rate {budget.BaseLearningRate:0.###e0} per 256 clips (cosine to {budget.BaseMinLearningRate:0.###e0}), each clip decoded once per run."));
        text.AppendLine().AppendLine(Invariant($"Mean ± sample standard deviation (min-max) over the seeds. Chance over the {table.HeldOutClips} held-out clips: R@1 {100.0 / table.HeldOutClips:0.0}%, R@5 {500.0 / table.HeldOutClips:0.0}%.")).AppendLine();
        var metrics = AblationMetric.All;
        text.AppendLine("| row | " + string.Join(" | ", metrics.Select(m => m.Header)) + " |");
        text.AppendLine("|---|" + string.Concat(metrics.Select(_ => "---|")));
        foreach (var row in table.Rows)
            text.AppendLine($"| {row.Label} | " + string.Join(" | ", metrics.Select(m => Format(table.Stat(row, m)))) + " |");
        text.AppendLine().AppendLine("Losses of the last pretraining step (mean ± std over seeds) and seconds per run:").AppendLine();
        text.AppendLine("| row | " + string.Join(" | ", LossParts) + " | s/run |");
        text.AppendLine("|---|" + string.Concat(LossParts.Select(_ => "---|")) + "---|");
        foreach (var row in table.Rows)
            text.AppendLine($"| {row.Key} | " + string.Join(" | ", LossParts.Select(p => table.LossStat(row, p) is { } s ? Invariant($"{s.Mean:0.000} ± {s.Std:0.000}") : "-"))
                + Invariant($" | {table.RunsOf(row).Average(r => r.Seconds):0} |"));
        text.AppendLine().AppendLine("<details><summary>Every run</summary>").AppendLine();
        text.AppendLine("| row | seed | " + string.Join(" | ", metrics.Select(m => m.Key)) + " | s |");
        text.AppendLine("|---|---|" + string.Concat(metrics.Select(_ => "---|")) + "---|");
        foreach (var run in table.Runs)
            text.AppendLine($"| {run.Row.Key} | {run.Seed} | " + string.Join(" | ", metrics.Select(m => Invariant($"{run.Metrics[m.Key]:0.0}"))) + Invariant($" | {run.Seconds:0} |"));
        text.AppendLine().AppendLine("</details>").AppendLine();
        foreach (var m in metrics) text.AppendLine($"- *{m.Header}*: {m.Description}.");
        return text.AppendLine(End).ToString();
    }

    /// <summary>
    /// <paramref name="existing"/> with its generated block replaced by <paramref name="results"/>; a document without
    /// one (or none at all) gets a title and the block appended.
    /// </summary>
    public static string Merge(string? existing, string results)
    {
        if (string.IsNullOrWhiteSpace(existing)) return "# Ablations on the demo world\n\n" + results;
        var start = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) return existing.TrimEnd() + "\n\n" + results;
        var after = existing[(end + End.Length)..].TrimStart('\r', '\n');
        return existing[..start] + results + (after.Length > 0 ? "\n" + after : "");
    }

    /// <summary>"mean ± std (min-max)" with one decimal.</summary>
    public static string Format(AblationStat stat) => Invariant($"{stat.Mean:0.0} ± {stat.Std:0.0} ({stat.Min:0.0}-{stat.Max:0.0})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
