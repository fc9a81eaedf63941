// The learning-rate schedule of SimVTP and VideoMAE (utils.cosine_scheduler), evaluated per optimizer step.
namespace Vtp.Training;

/// <summary>
/// Linear warmup from 0 to the peak over <see cref="WarmupSteps"/> steps (numpy linspace(0, peak, warmup): the last
/// warmup step reaches the peak), then a half cosine from the peak down to the floor over the remaining steps.
/// </summary>
public sealed record LearningRateSchedule(double Peak, double Floor, long WarmupSteps, long TotalSteps)
{
    /// <summary>The rate at 0-based optimizer step <paramref name="step"/> (steps past the end keep the floor).</summary>
    public double At(long step)
    {
        if (step < WarmupSteps) return WarmupSteps == 1 ? Peak : Peak * step / (WarmupSteps - 1);
        var cosineSteps = TotalSteps - WarmupSteps;
        if (cosineSteps <= 0 || step >= TotalSteps) return Floor;
        return Floor + 0.5 * (Peak - Floor) * (1 + Math.Cos(Math.PI * (step - WarmupSteps) / cosineSteps));
    }

    /// <summary>The official rule: the base rate is for a total batch of 256 and scales linearly with it.</summary>
    public static double Scaled(double baseRate, int effectiveBatch) => baseRate * effectiveBatch / 256.0;
}
