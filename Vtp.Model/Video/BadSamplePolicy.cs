namespace Vtp.Video;

/// <summary>What <see cref="VideoLoader"/> does with a sample whose video cannot be read.</summary>
public enum BadSamplePolicy
{
    /// <summary>Throw the <see cref="VideoDecodeException"/> (naming the file) when the sample's turn comes.</summary>
    Fail,

    /// <summary>Leave the sample out and report it through <see cref="VideoLoaderOptions.OnSkipped"/> and <see cref="VideoLoader.Skipped"/>.</summary>
    SkipAndReport,
}
