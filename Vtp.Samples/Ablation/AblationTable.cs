namespace Vtp.Samples.Ablation;

/// <summary>Mean, sample standard deviation (0 for one value), minimum and maximum of a metric over seeds.</summary>
public sealed record AblationStat(double Mean, double Std, double Min, double Max, int Count)
{
    /// <summary>The statistics of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static AblationStat Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("Statistics need at least one value.", nameof(values));
        var mean = values.Average();
        var variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0;
        return new AblationStat(mean, Math.Sqrt(variance), values.Min(), values.Max(), values.Count);
    }
}

/// <summary>The runs of one ablation and their statistics per row and metric.</summary>
/// <param name="Rows">Rows, in table order.</param>
/// <param name="Seeds">Seeds each row ran with.</param>
/// <param name="Budget">The budget every run had.</param>
/// <param name="Runs">Every run, in the order run.</param>
/// <param name="Elapsed">Wall-clock time of the whole ablation.</param>
/// <param name="HeldOutClips">Held-out clips (and captions) every metric was measured on.</param>
public sealed record AblationTable(IReadOnlyList<AblationRow> Rows, IReadOnlyList<int> Seeds, AblationBudget Budget,
    IReadOnlyList<AblationRunResult> Runs, TimeSpan Elapsed, int HeldOutClips)
{
    /// <summary>The runs of <paramref name="row"/>, in seed order.</summary>
    public IReadOnlyList<AblationRunResult> RunsOf(AblationRow row) => Runs.Where(r => r.Row == row).OrderBy(r => Seeds.ToList().IndexOf(r.Seed)).ToList();

    /// <summary>Statistics of <paramref name="metric"/> over the seeds of <paramref name="row"/>.</summary>
    public AblationStat Stat(AblationRow row, AblationMetric metric) => AblationStat.Of(RunsOf(row).Select(r => r.Metrics[metric.Key]).ToList());

    /// <summary>Statistics of the last pretraining step's loss <paramref name="part"/>, or null when the row does not pretrain.</summary>
    public AblationStat? LossStat(AblationRow row, string part)
    {
        var values = RunsOf(row).Where(r => r.PretrainLosses.ContainsKey(part)).Select(r => r.PretrainLosses[part]).ToList();
        return values.Count > 0 ? AblationStat.Of(values) : null;
    }
}
