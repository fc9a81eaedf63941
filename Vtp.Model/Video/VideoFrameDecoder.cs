namespace Vtp.Video;

/// <summary>
/// Decodes chosen frames of a video with one ffmpeg run through FFMpegCore: ffmpeg selects (or seeks to) the frames,
/// crops, resizes and flips them, and writes rgb24 into a pipe sink that is read in whole-frame chunks.
/// </summary>
public static class VideoFrameDecoder
{
    private static readonly VideoDecodeOptions DefaultOptions = new();

    /// <summary>
    /// Decodes the frames numbered <paramref name="frameIndices"/> (0-based, in presentation order, repeats allowed)
    /// with <paramref name="geometry"/> applied. Frames come back in request order.
    /// </summary>
    /// <remarks>
    /// Recovery: when ffmpeg delivers fewer frames than planned and exits cleanly (a container that over-reports its
    /// frame count, or a truncated file with <see cref="VideoDecodeOptions.TolerateDecodeErrors"/>), each missing
    /// frame repeats the last decoded one and <see cref="DecodedFrames.RepeatedFrames"/> counts it. A decode error or
    /// an ffmpeg failure is never recovered: it raises <see cref="VideoDecodeException"/> unless
    /// <see cref="VideoDecodeOptions.TolerateDecodeErrors"/> (by default ffmpeg stops at the first one, <c>-xerror</c>).
    /// </remarks>
    /// <exception cref="VideoDecodeException">ffmpeg failed, produced no frame, or the video is too large.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the ffmpeg process has been killed.</exception>
    /// <exception cref="InvalidOperationException"><see cref="FfmpegTools.Ffmpeg"/> is a path that holds no ffmpeg.</exception>
    public static DecodedFrames Decode(
        VideoInfo info, IReadOnlyList<int> frameIndices, FrameGeometry geometry, VideoDecodeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= DefaultOptions;
        ValidateRequest(info, frameIndices, geometry, options);
        var unique = frameIndices.Distinct().Order().ToArray();
        var (strategy, runs) = DecodePlanner.Plan(info, unique, options.Strategy);
        var buffer = new byte[(long)unique.Length * geometry.FrameBytes];
        var (produced, log) = Run(info, strategy, runs, geometry, options, buffer, cancellationToken);
        if (produced < unique.Length && strategy == FrameDecodeStrategy.Seek)
        {
            // A short seek run could leave a gap anywhere in the sequence; decoding from the start cannot.
            (strategy, runs) = DecodePlanner.Plan(info, unique, FrameDecodeStrategy.Select);
            (produced, log) = Run(info, strategy, runs, geometry, options, buffer, cancellationToken);
        }

        if (produced == 0)
        {
            throw new VideoDecodeException(
                info.FilePath, $"ffmpeg produced no frames (wanted frame numbers up to {unique[^1]})", log);
        }

        return Arrange(frameIndices, unique, produced, buffer, geometry, strategy);
    }

    /// <summary>Probes <paramref name="path"/> and decodes the given frames (see the other overload).</summary>
    public static DecodedFrames Decode(
        string path, IReadOnlyList<int> frameIndices, FrameGeometry geometry, VideoDecodeOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Decode(VideoProbe.Probe(path, cancellationToken), frameIndices, geometry, options, cancellationToken);

    private static void ValidateRequest(
        VideoInfo info, IReadOnlyList<int> frameIndices, FrameGeometry geometry, VideoDecodeOptions options)
    {
        if ((long)info.Width * info.Height > options.MaxPixels)
        {
            throw new VideoDecodeException(
                info.FilePath,
                $"the video is {info.Width}x{info.Height} = {(long)info.Width * info.Height} pixels per frame, " +
                $"more than the limit of {options.MaxPixels} (VideoDecodeOptions.MaxPixels)");
        }

        if (frameIndices.Count == 0)
        {
            throw new ArgumentException($"No frames requested from '{info.FilePath}'.", nameof(frameIndices));
        }

        foreach (var index in frameIndices)
        {
            if (index < 0 || index >= info.FrameCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(frameIndices), index,
                    $"Frame {index} requested from '{info.FilePath}', which has frames 0..{info.FrameCount - 1}.");
            }
        }

        try
        {
            geometry.Validate(info.DisplayWidth, info.DisplayHeight);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Geometry does not fit video '{info.FilePath}': {e.Message}", nameof(geometry), e);
        }
    }

    private static (int Produced, string Log) Run(
        VideoInfo info, FrameDecodeStrategy strategy, IReadOnlyList<FrameRun> runs, FrameGeometry geometry,
        VideoDecodeOptions options, byte[] buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sink = new RgbFrameSink(buffer, geometry.FrameBytes);
        var planned = buffer.Length / geometry.FrameBytes;
        var result = FfmpegDecodeArguments.Build(info, strategy, runs, geometry, options, sink)
            .CancellableThrough(cancellationToken, TimeSpan.Zero)
            .ProcessSynchronously(throwOnError: false, FfmpegTools.FfmpegOptions());
        cancellationToken.ThrowIfCancellationRequested();
        var log = VideoDecodeException.LastLines(result.StandardError);
        if (result.ExitCode != 0)
        {
            throw new VideoDecodeException(
                info.FilePath,
                $"ffmpeg failed with exit code {result.ExitCode} after {sink.Received} of {planned} frames ({strategy} strategy)",
                log);
        }

        return (sink.Received, log);
    }

    private static DecodedFrames Arrange(
        IReadOnlyList<int> requested, int[] unique, int produced, byte[] buffer, FrameGeometry geometry,
        FrameDecodeStrategy strategy)
    {
        int width = geometry.OutputWidth, height = geometry.OutputHeight, frameBytes = geometry.FrameBytes;
        if (produced == unique.Length && requested.SequenceEqual(unique))
        {
            return new DecodedFrames(buffer, unique.Length, width, height, 0, strategy);
        }

        var result = new byte[(long)requested.Count * frameBytes];
        var repeated = 0;
        for (var i = 0; i < requested.Count; i++)
        {
            var source = Array.BinarySearch(unique, requested[i]);
            if (source >= produced)
            {
                source = produced - 1;
                repeated++;
            }

            buffer.AsSpan(source * frameBytes, frameBytes).CopyTo(result.AsSpan(i * frameBytes));
        }

        return new DecodedFrames(result, requested.Count, width, height, repeated, strategy);
    }
}
