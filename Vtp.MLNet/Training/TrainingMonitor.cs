// Turns the training loop's per-step progress into ML.NET log lines ("Starting epoch", losses, learning rate, clips/s,
// ETA), forwards it to the user's IProgress, and scores the validation set at epoch ends.
using System.Globalization;
using Microsoft.ML.Runtime;
using Vtp.Training;

namespace Vtp.MLNet;

/// <summary>
/// The progress sink of one Fit. Reports arrive synchronously on the training thread after each optimizer step, so
/// validation runs between steps. Log lines go to the channel, and so to MLContext.Log.
/// </summary>
internal sealed class TrainingMonitor(IChannel channel, SimVtpTrainerOptions options, long stepsPerEpoch, Func<VtpRetrievalMetrics>? validate)
    : IProgress<TrainingProgress>
{
    private readonly List<SimVtpValidationResult> validations = [];
    private int loggedEpoch = -1;
    private TrainingProgress? last;

    /// <summary>Optimizer steps completed so far.</summary>
    public long StepsDone => last?.Step ?? 0;

    /// <summary>Validation results so far, in order.</summary>
    public IReadOnlyList<SimVtpValidationResult> Validations => validations;

    public void Report(TrainingProgress value)
    {
        if (value.Epoch != loggedEpoch)
        {
            loggedEpoch = value.Epoch;
            var epochs = (value.TotalSteps + stepsPerEpoch - 1) / Math.Max(stepsPerEpoch, 1);
            channel.Info(MessageSensitivity.None, $"Starting epoch {value.Epoch + 1} of {epochs}");
        }
        last = value;
        options.Progress?.Report(value);
        if (value.Step == 1 || value.Step % options.LogEverySteps == 0 || value.Step == value.TotalSteps)
            channel.Info(MessageSensitivity.None, Line(value));
        if (options.ValidateEveryEpoch && stepsPerEpoch > 0 && value.Step % stepsPerEpoch == 0)
            Validate(value.Epoch + 1, value.Step);
    }

    /// <summary>Scores the validation set after the last step unless that step was just scored, and logs the end.</summary>
    public void Finish(TrainingRun run, TimeSpan elapsed)
    {
        if (validations.Count == 0 || validations[^1].Step != run.Steps)
            Validate((last?.Epoch ?? 0) + 1, run.Steps);
        var skipped = run.Skipped.Count > 0 ? $"; {run.Skipped.Count} unreadable video(s) skipped" : "";
        channel.Info(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture, $"Finished: {run.Steps} steps in {elapsed:hh\\:mm\\:ss}{skipped}"));
    }

    private void Validate(int epoch, long step)
    {
        if (validate is null) return;
        var result = new SimVtpValidationResult(epoch, step, validate());
        validations.Add(result);
        channel.Info(MessageSensitivity.None, $"Validation after epoch {epoch} (step {step}): {result.Metrics}");
    }

    private static string Line(TrainingProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"Step {p.Step}/{p.TotalSteps} (epoch {p.Epoch + 1}): loss {string.Join(", ", p.Losses.Select(kv => $"{kv.Key} {kv.Value:F4}"))}; " +
        $"lr {p.LearningRate:E2}; {p.ClipsPerSecond:F1} clips/s; ETA {p.Remaining:hh\\:mm\\:ss}");
}
