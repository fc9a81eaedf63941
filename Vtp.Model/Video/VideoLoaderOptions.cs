namespace Vtp.Video;

/// <summary>Part <paramref name="Index"/> (0-based) of <paramref name="Count"/> equal parts of the data.</summary>
public sealed record DataShard(int Index, int Count);

/// <summary>Options of <see cref="VideoLoader"/>.</summary>
public sealed class VideoLoaderOptions
{
    /// <summary>Decode workers (threads, each running one ffmpeg at a time). Default: 2.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Most clips decoded ahead of the consumer (ready or in flight). Default: 8.</summary>
    public int Capacity { get; init; } = 8;

    /// <summary>Visit samples in a seeded random order instead of list order. Default: false.</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed of the order and of every sample's crops and frame offsets (mixed with the epoch). Default: 0.</summary>
    public int Seed { get; init; }

    /// <summary>What to do with unreadable videos. Default: <see cref="BadSamplePolicy.Fail"/>.</summary>
    public BadSamplePolicy BadSamples { get; init; } = BadSamplePolicy.Fail;

    /// <summary>Called on the consumer's thread for each skipped sample (with <see cref="BadSamplePolicy.SkipAndReport"/>).</summary>
    public Action<SkippedSample>? OnSkipped { get; init; }

    /// <summary>
    /// Decode each sample once and hand out the same clip in every epoch (sampled as in epoch 0), keeping all clips in
    /// memory. Trades fresh crops and frame offsets per epoch for speed on datasets that fit in memory: starting
    /// ffmpeg costs about as much as decoding a short clip. Default: false.
    /// </summary>
    public bool ReuseClips { get; init; }

    /// <summary>
    /// Read only part <c>Index</c> of <c>Count</c> of every epoch, as PyTorch's DistributedSampler does for a
    /// data-parallel run: the epoch's order is drawn over all samples, then this part takes positions Index,
    /// Index + Count, ..., floor(samples / Count) of them, so that every part has as many clips. Default: null (all).
    /// </summary>
    public DataShard? Shard { get; init; }

    /// <summary>How each clip is sampled, cropped and decoded.</summary>
    public ClipSamplingOptions Sampling { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Workers <= 0 || Capacity < Workers)
        {
            throw new ArgumentException(
                $"{nameof(Workers)} must be positive and {nameof(Capacity)} at least {nameof(Workers)}, got {Workers} and {Capacity}.");
        }

        if (Shard is { } shard && (shard.Count < 1 || shard.Index < 0 || shard.Index >= shard.Count))
        {
            throw new ArgumentException($"{nameof(Shard)} must have 0 <= Index < Count, got {shard.Index} of {shard.Count}.");
        }

        Sampling.Validate();
    }
}
