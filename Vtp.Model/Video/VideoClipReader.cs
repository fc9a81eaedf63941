using System.Collections.Concurrent;

namespace Vtp.Video;

/// <summary>
/// Reads one clip from one video: probe (cached), temporal sampling, crop choice, one ffmpeg decode of the union of
/// all views' frames, normalisation to [Views, 3, T, H, W]. Thread-safe; randomness only from the caller's
/// <see cref="Random"/>.
/// </summary>
public sealed class VideoClipReader
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Written, VideoInfo Info)> _probes = new();

    /// <summary>Creates a reader with the given sampling options (validated here).</summary>
    public VideoClipReader(ClipSamplingOptions? options = null)
    {
        Options = options ?? new ClipSamplingOptions();
        Options.Validate();
    }

    /// <summary>The sampling options.</summary>
    public ClipSamplingOptions Options { get; }

    /// <summary>Reads a clip of <paramref name="path"/>, optionally restricted to <paramref name="start"/>..<paramref name="end"/> seconds.</summary>
    /// <exception cref="VideoDecodeException">The video cannot be probed or decoded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no ffmpeg process is left running.</exception>
    public VideoClip Read(string path, double? start, double? end, Random random, CancellationToken cancellationToken = default)
    {
        var info = Probe(path, cancellationToken);
        var window = FrameWindow.FromSeconds(info, start, end);
        var temporal = SampleFrames(window, random);
        var (geometry, crops) = ChooseGeometry(info, random);
        var all = temporal.SelectMany(v => v).ToArray();
        var frames = Options.Cache is { } cache
            ? cache.Decode(path, all, geometry, Options.Decode, () => VideoFrameDecoder.Decode(info, all, geometry, Options.Decode, cancellationToken))
            : VideoFrameDecoder.Decode(info, all, geometry, Options.Decode, cancellationToken);

        int t = Options.NumFrames, size = Options.Size;
        var viewLength = 3 * t * size * size;
        var pixels = new float[(long)temporal.Length * crops.Length * viewLength];
        var frameBytes = frames.FrameBytes;
        for (var k = 0; k < temporal.Length; k++)
        {
            var rgb = frames.Rgb.AsSpan(k * t * frameBytes, t * frameBytes);
            for (var j = 0; j < crops.Length; j++)
            {
                var destination = pixels.AsSpan((k * crops.Length + j) * viewLength, viewLength);
                FrameNormalizer.Normalize(rgb, t, frames.Width, frames.Height, crops[j], destination);
            }
        }

        return new VideoClip(pixels, temporal.Length * crops.Length, t, size, size, temporal, frames.RepeatedFrames);
    }

    /// <summary>Probes <paramref name="path"/>, reusing an earlier result (of this reader, or of the shared
    /// <see cref="ClipSamplingOptions.Cache"/>) while the file's size and time stamp are unchanged.</summary>
    public VideoInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        if (Options.Cache is { } cache)
        {
            return cache.Probe(path, () => VideoProbe.Probe(path, cancellationToken));
        }

        var file = new FileInfo(path);
        if (file.Exists && _probes.TryGetValue(file.FullName, out var cached)
            && cached.Length == file.Length && cached.Written == file.LastWriteTimeUtc)
        {
            return cached.Info;
        }

        var info = VideoProbe.Probe(path, cancellationToken);
        _probes[file.FullName] = (file.Length, file.LastWriteTimeUtc, info);
        return info;
    }

    private int[][] SampleFrames(FrameWindow window, Random random)
    {
        var o = Options;
        var relative = o.Temporal switch
        {
            TemporalSampling.Pretraining => [TemporalSampler.Pretraining(window.Count, o.NumFrames, o.Stride, random)],
            TemporalSampling.FineTuneTraining => [TemporalSampler.FineTuneTraining(window.Count, o.NumFrames, o.FineTuneWindow, random)],
            TemporalSampling.TestViews => TemporalSampler.TestViews(window.Count, o.NumFrames, o.Stride, o.TemporalViews),
            TemporalSampling.Uniform => [TemporalSampler.Uniform(window.Count, o.NumFrames)],
            _ => throw new ArgumentOutOfRangeException(nameof(Options), o.Temporal, "Unknown temporal sampling."),
        };
        return relative.Select(window.ToVideoFrames).ToArray();
    }

    // The geometry ffmpeg applies, plus the crops cut from its output here (one per spatial view).
    private (FrameGeometry Geometry, PixelRect[] Crops) ChooseGeometry(VideoInfo info, Random random)
    {
        var o = Options;
        int width = info.DisplayWidth, height = info.DisplayHeight, size = o.Size;
        var whole = new[] { new PixelRect(0, 0, size, size) };
        var (rw, rh) = SpatialSampler.ShortSideResize(width, height, size);
        var (geometry, crops) = o.Spatial switch
        {
            SpatialSampling.MultiScaleCrop => (new FrameGeometry(size, size)
            {
                SourceCrop = SpatialSampler.MultiScaleCrop(width, height, size, random, o.Scales, o.MaxDistort),
            }, whole),
            SpatialSampling.RandomResizedCrop => (new FrameGeometry(size, size)
            {
                SourceCrop = SpatialSampler.RandomResizedCrop(width, height, random),
            }, whole),
            SpatialSampling.CenterCrop => (new FrameGeometry(rw, rh) { OutputCrop = SpatialSampler.CenterCrop(rw, rh, size) }, whole),
            SpatialSampling.SpatialViews => (new FrameGeometry(rw, rh), SpatialSampler.SpatialViews(rw, rh, size, o.SpatialViews)),
            _ => throw new ArgumentOutOfRangeException(nameof(Options), o.Spatial, "Unknown spatial sampling."),
        };

        // Draw the flip only when it can happen, so that FlipProbability = 0 leaves the random sequence untouched.
        var flip = o.FlipProbability > 0 && random.NextDouble() < o.FlipProbability;
        return (geometry with { FlipHorizontal = flip }, crops);
    }
}
