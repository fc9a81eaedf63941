using System.Diagnostics;

namespace Vtp.Samples.Ablation;

/// <summary>Progress of an ablation: the run just finished, how many are done, and the time so far and still to go.</summary>
/// <param name="Done">Runs finished (1 after the first).</param>
/// <param name="Total">Runs in all.</param>
/// <param name="Result">The run just finished.</param>
/// <param name="Elapsed">Time since the ablation started.</param>
/// <param name="Remaining">Estimate from the mean run time so far.</param>
public sealed record AblationProgress(int Done, int Total, AblationRunResult Result, TimeSpan Elapsed, TimeSpan Remaining);

/// <summary>
/// Runs every row with every seed under one budget, seed by seed (each seed's rows together, so an interrupted ablation
/// still holds whole comparisons), all sharing one world and its decode cache.
/// </summary>
public static class AblationRunner
{
    /// <summary>Runs the rows x seeds and gathers the table; <paramref name="progress"/> hears of each run as it ends, on this thread.</summary>
    /// <exception cref="ArgumentException">No rows or no seeds, a repeated seed, or a row that does not fit the budget.</exception>
    public static AblationTable Run(AblationWorld world, IReadOnlyList<AblationRow> rows, IReadOnlyList<int> seeds, AblationBudget budget,
        Action<AblationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0 || seeds.Count == 0 || seeds.Distinct().Count() != seeds.Count)
            throw new ArgumentException($"Need at least one row and one seed, seeds distinct; got {rows.Count} rows and seeds [{string.Join(", ", seeds)}].");
        budget.Validate();
        var run = new AblationRun(world, budget);
        var clock = Stopwatch.StartNew();
        var results = new List<AblationRunResult>();
        var total = rows.Count * seeds.Count;
        foreach (var seed in seeds)
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(run.Execute(row, seed, cancellationToken));
                var elapsed = clock.Elapsed;
                progress?.Invoke(new AblationProgress(results.Count, total, results[^1], elapsed, elapsed / results.Count * (total - results.Count)));
            }
        }
        return new AblationTable(rows, seeds, budget, results, clock.Elapsed, world.Test.Count);
    }
}
