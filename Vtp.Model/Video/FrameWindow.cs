using System.Globalization;

namespace Vtp.Video;

/// <summary>The frames <c>First .. First+Count-1</c> of a video that a clip may sample from.</summary>
/// <param name="First">First frame number of the window.</param>
/// <param name="Count">Number of frames in the window.</param>
public readonly record struct FrameWindow(int First, int Count)
{
    // Guards against 1.0 s * 25 fps landing on 24.999999.
    private const double Epsilon = 1e-6;

    /// <summary>
    /// The window between <paramref name="start"/> and <paramref name="end"/> seconds (either may be null):
    /// frames from floor(start*fps) to ceil(end*fps), exclusive, with an end past the video clamped to its last frame.
    /// </summary>
    /// <exception cref="VideoDecodeException">The frame rate is unknown, or the window holds no frame of the video.</exception>
    public static FrameWindow FromSeconds(VideoInfo info, double? start, double? end)
    {
        if (start is null && end is null)
        {
            return new FrameWindow(0, info.FrameCount);
        }

        if (info.FrameRate <= 0)
        {
            throw new VideoDecodeException(info.FilePath, "a start/end time was given but the frame rate is unknown");
        }

        var first = start is { } s ? Math.Max(0, (int)Math.Floor(s * info.FrameRate + Epsilon)) : 0;
        var stop = end is { } e ? Math.Min(info.FrameCount, (int)Math.Ceiling(e * info.FrameRate - Epsilon)) : info.FrameCount;
        if (first >= info.FrameCount || stop <= first)
        {
            throw new VideoDecodeException(
                info.FilePath,
                $"the window start={Seconds(start)} s, end={Seconds(end)} s holds no frame of the video " +
                $"({info.FrameCount} frames, {info.Duration:0.###} s at {info.FrameRate:0.###} fps)");
        }

        return new FrameWindow(first, stop - first);
    }

    private static string Seconds(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Shifts window-relative frame numbers to video frame numbers.</summary>
    public int[] ToVideoFrames(int[] relative)
    {
        var first = First;
        return relative.Select(i => i + first).ToArray();
    }
}
