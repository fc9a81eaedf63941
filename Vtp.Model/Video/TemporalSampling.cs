namespace Vtp.Video;

/// <summary>Which frames of a video a clip takes (see <see cref="TemporalSampler"/>).</summary>
public enum TemporalSampling
{
    /// <summary>SimVTP pre-training: frames at a stride from a random start.</summary>
    Pretraining,

    /// <summary>SimVTP fine-tuning: a random window, frames spread over it by linspace.</summary>
    FineTuneTraining,

    /// <summary>SimVTP test: several temporal windows over all frames at a stride (one view each).</summary>
    TestViews,

    /// <summary>The middles of equal segments over the whole window, no randomness.</summary>
    Uniform,
}
