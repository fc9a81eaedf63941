// Progress reports of a training run.
namespace Vtp.Training;

/// <summary>One optimizer step of a training run, as reported to progress listeners.</summary>
/// <param name="Phase">"pretrain" or "finetune".</param>
/// <param name="Step">Optimizer steps done (1 after the first).</param>
/// <param name="TotalSteps">Steps the run will make.</param>
/// <param name="Epoch">0-based epoch of this step.</param>
/// <param name="Losses">Each loss part (and "total"), averaged over the step's micro-batches.</param>
/// <param name="LearningRate">Peak-group learning rate used by this step.</param>
/// <param name="ClipsPerSecond">Clips per second over the run so far (decoding included).</param>
/// <param name="Elapsed">Time since the run (or its resumption) started.</param>
/// <param name="Remaining">Estimated time to the last step.</param>
public sealed record TrainingProgress(
    string Phase, long Step, long TotalSteps, int Epoch, IReadOnlyDictionary<string, double> Losses, double LearningRate,
    double ClipsPerSecond, TimeSpan Elapsed, TimeSpan Remaining)
{
    public override string ToString() =>
        $"{Phase} step {Step}/{TotalSteps} epoch {Epoch}: " +
        string.Join(" ", Losses.Select(kv => $"{kv.Key} {kv.Value:F4}")) +
        $" lr {LearningRate:E2} {ClipsPerSecond:F1} clips/s eta {Remaining:hh\\:mm\\:ss}";
}
