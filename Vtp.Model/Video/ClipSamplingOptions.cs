namespace Vtp.Video;

/// <summary>How <see cref="VideoClipReader"/> turns a video into a clip. Defaults are SimVTP's pre-training recipe.</summary>
public sealed record ClipSamplingOptions
{
    /// <summary>Temporal sampler. Default: <see cref="TemporalSampling.Pretraining"/>.</summary>
    public TemporalSampling Temporal { get; init; } = TemporalSampling.Pretraining;

    /// <summary>Frames per clip (T). Default: 16.</summary>
    public int NumFrames { get; init; } = 16;

    /// <summary>Frame stride of the pre-training and test samplers. Default: 4.</summary>
    public int Stride { get; init; } = 4;

    /// <summary>Window length in frames of the fine-tuning sampler. Default: 64.</summary>
    public int FineTuneWindow { get; init; } = 64;

    /// <summary>Temporal views of <see cref="TemporalSampling.TestViews"/>. Default: 3.</summary>
    public int TemporalViews { get; init; } = 3;

    /// <summary>Spatial sampler. Default: <see cref="SpatialSampling.MultiScaleCrop"/>.</summary>
    public SpatialSampling Spatial { get; init; } = SpatialSampling.MultiScaleCrop;

    /// <summary>Output side in pixels (H = W). Default: 224.</summary>
    public int Size { get; init; } = 224;

    /// <summary>Spatial views of <see cref="SpatialSampling.SpatialViews"/>. Default: 3.</summary>
    public int SpatialViews { get; init; } = 3;

    /// <summary>Scales of the multi-scale crop. Default: 1, 0.875, 0.75, 0.66.</summary>
    public IReadOnlyList<double> Scales { get; init; } = SpatialSampler.PretrainingScales;

    /// <summary>Largest difference of scale indices between crop width and height. Default: 1.</summary>
    public int MaxDistort { get; init; } = 1;

    /// <summary>Probability of a horizontal flip of the whole clip. Default: 0 (SimVTP pre-training has none).</summary>
    public double FlipProbability { get; init; }

    /// <summary>Decoder options (strategy, size limit, error tolerance).</summary>
    public VideoDecodeOptions Decode { get; init; } = new();

    /// <summary>
    /// Probes and decodes shared with every reader given these options, kept for the life of the cache (null: each
    /// reader probes a file once and decodes every clip it reads). Changes no pixel and no random draw. Default: null.
    /// </summary>
    public ClipDecodeCache? Cache { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Positive(NumFrames, nameof(NumFrames));
        Positive(Stride, nameof(Stride));
        Positive(FineTuneWindow, nameof(FineTuneWindow));
        Positive(TemporalViews, nameof(TemporalViews));
        Positive(Size, nameof(Size));
        Positive(SpatialViews, nameof(SpatialViews));
        if (Scales.Count == 0 || Scales.Any(s => s <= 0 || s > 1))
        {
            throw new ArgumentException($"{nameof(Scales)} must be non-empty values in (0, 1], got [{string.Join(", ", Scales)}].");
        }

        if (MaxDistort < 0 || FlipProbability is < 0 or > 1)
        {
            throw new ArgumentException(
                $"{nameof(MaxDistort)} must be >= 0 and {nameof(FlipProbability)} in [0, 1], got {MaxDistort} and {FlipProbability}.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{name} must be positive, got {value}.", name);
        }
    }
}
