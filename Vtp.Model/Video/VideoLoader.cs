using System.Runtime.ExceptionServices;
using Vtp.Data;

namespace Vtp.Video;

/// <summary>
/// Parallel prefetching clip loader: <see cref="VideoLoaderOptions.Workers"/> threads decode clips (one ffmpeg each)
/// into a bounded buffer while the consumer uses earlier ones. Clips come out in a fixed order per epoch (list order
/// or a seeded shuffle) whatever the timing, and each sample's random choices depend only on the seed, the epoch and
/// the sample, so an epoch is reproducible.
/// </summary>
/// <example>
/// <code>
/// var loader = new VideoLoader(samples, new VideoLoaderOptions { Shuffle = true, Seed = 1 });
/// foreach (var item in loader.ReadEpoch(epoch, token)) { /* item.Clip.Pixels is [1, 3, 16, 224, 224] */ }
/// </code>
/// </example>
public sealed class VideoLoader
{
    private readonly IReadOnlyList<VideoTextSample> _samples;
    private readonly VideoClipReader _reader;
    private readonly List<SkippedSample> _skipped = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, VideoClip> _reused = new();

    /// <summary>Creates a loader over <paramref name="samples"/> (options validated here).</summary>
    public VideoLoader(IReadOnlyList<VideoTextSample> samples, VideoLoaderOptions? options = null)
    {
        _samples = samples;
        Options = options ?? new VideoLoaderOptions();
        Options.Validate();
        _reader = new VideoClipReader(Options.Sampling);
    }

    /// <summary>The loader's options.</summary>
    public VideoLoaderOptions Options { get; }

    /// <summary>Samples skipped so far (all epochs) under <see cref="BadSamplePolicy.SkipAndReport"/>.</summary>
    public IReadOnlyList<SkippedSample> Skipped
    {
        get
        {
            lock (_skipped)
            {
                return [.. _skipped];
            }
        }
    }

    /// <summary>The order in which <see cref="ReadEpoch"/> visits sample indices in <paramref name="epoch"/> (this shard's part of it).</summary>
    public int[] EpochOrder(int epoch)
    {
        var order = Enumerable.Range(0, _samples.Count).ToArray();
        if (Options.Shuffle)
        {
            new Random(SeedMixer.Mix(Options.Seed, epoch)).Shuffle(order);
        }

        if (Options.Shard is not { } shard)
        {
            return order;
        }

        var part = new int[order.Length / shard.Count];
        for (var i = 0; i < part.Length; i++)
        {
            part[i] = order[shard.Index + i * shard.Count];
        }

        return part;
    }

    /// <summary>
    /// Streams the clips of one epoch, from position <paramref name="startPosition"/> of its order on (a resumed run
    /// gets exactly the clips, crops and frame offsets it would have had). Leaving the loop early, an exception or
    /// cancelling <paramref name="cancellationToken"/> stops the workers and kills their ffmpeg processes.
    /// </summary>
    /// <exception cref="VideoDecodeException">A video is unreadable and the policy is <see cref="BadSamplePolicy.Fail"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<LoadedClip> ReadEpoch(int epoch = 0, CancellationToken cancellationToken = default, int startPosition = 0)
    {
        var order = EpochOrder(epoch);
        if (startPosition < 0 || startPosition > order.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(startPosition), startPosition, $"The epoch has {order.Length} samples.");
        }

        using var prefetcher = new ClipPrefetcher(
            order[startPosition..], Options.Workers, Options.Capacity, (index, token) => ReadSample(epoch, index, token), cancellationToken);
        for (var position = startPosition; position < order.Length; position++)
        {
            var (clip, error) = prefetcher.Take(position - startPosition);
            var index = order[position];
            if (error is VideoDecodeException bad && Options.BadSamples == BadSamplePolicy.SkipAndReport)
            {
                Report(new SkippedSample(epoch, index, _samples[index], bad));
                continue;
            }

            if (error is not null)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            yield return new LoadedClip(position, index, _samples[index], clip!);
        }
    }

    private VideoClip ReadSample(int epoch, int index, CancellationToken token)
    {
        if (Options.ReuseClips && _reused.TryGetValue(index, out var reused))
        {
            return reused;
        }

        var sample = _samples[index];
        var random = new Random(SeedMixer.Mix(Options.Seed, Options.ReuseClips ? 0 : epoch, index));
        var clip = _reader.Read(sample.VideoPath, sample.Start, sample.End, random, token);
        if (Options.ReuseClips)
        {
            _reused[index] = clip;
        }

        return clip;
    }

    private void Report(SkippedSample skipped)
    {
        lock (_skipped)
        {
            _skipped.Add(skipped);
        }

        Options.OnSkipped?.Invoke(skipped);
    }
}
