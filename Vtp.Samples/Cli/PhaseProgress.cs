using System.Globalization;
using Spectre.Console;
using Vtp.Training;

namespace Vtp.Samples.Cli;

/// <summary>One long phase (generating, training, embedding) shown as a progress bar with its ETA on stderr.</summary>
internal static class PhaseProgress
{
    /// <summary>Runs <paramref name="work"/> under a bar titled <paramref name="title"/> going to <paramref name="total"/>;
    /// with --json nothing is displayed.</summary>
    public static T Run<T>(CommandIO io, string title, double total, Func<PhaseBar, T> work)
    {
        if (io.Json) return work(new PhaseBar(null, title));
        return io.Err.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => work(new PhaseBar(context.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1)), title)));
    }
}

/// <summary>The bar of one phase; safe to update from any thread.</summary>
internal sealed class PhaseBar(ProgressTask? task, string title)
{
    /// <summary>Moves the bar to <paramref name="done"/> of <paramref name="total"/>, with an optional detail after the title.</summary>
    public void Report(double done, double total, string? detail = null)
    {
        if (task is null) return;
        task.MaxValue = Math.Max(total, 1);
        task.Value = done;
        if (detail is not null) task.Description = Markup.Escape($"{title} {detail}");
    }

    /// <summary>A progress sink for a training run: steps, epoch and losses.</summary>
    public IProgress<TrainingProgress> ForTraining() => new TrainingSink(this);

    /// <summary>The last training step reported (null before the first).</summary>
    public TrainingProgress? LastStep { get; private set; }

    private sealed class TrainingSink(PhaseBar bar) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            bar.LastStep = value;
            var losses = string.Join(' ', value.Losses.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.000}")));
            bar.Report(value.Step, value.TotalSteps, $"step {value.Step}/{value.TotalSteps} epoch {value.Epoch + 1}: {losses}");
        }
    }
}
