namespace Vtp.Video;

/// <summary>What ffprobe reports about the first video stream of a file.</summary>
/// <param name="FilePath">The probed file.</param>
/// <param name="StreamIndex">Index of the video stream among all streams of the file.</param>
/// <param name="Codec">Codec name, e.g. <c>h264</c>.</param>
/// <param name="Width">Stored (coded) width in pixels, before rotation.</param>
/// <param name="Height">Stored (coded) height in pixels, before rotation.</param>
/// <param name="Rotation">Display rotation in degrees, normalised to 0, 90, 180 or 270.</param>
/// <param name="FrameRate">Average frame rate in frames per second (0 when the file does not say).</param>
/// <param name="FrameCount">Number of frames (from the container, or counted packets when it has none).</param>
/// <param name="Duration">Duration in seconds.</param>
/// <param name="IsConstantFrameRate">True when the stream's base and average frame rates agree.</param>
/// <param name="KeyframeInterval">
/// Frames between the first two keyframes (it decides the decode strategy), or null when no second keyframe occurs
/// in the first few hundred packets.
/// </param>
public sealed record VideoInfo(
    string FilePath,
    int StreamIndex,
    string Codec,
    int Width,
    int Height,
    int Rotation,
    double FrameRate,
    int FrameCount,
    double Duration,
    bool IsConstantFrameRate,
    int? KeyframeInterval)
{
    /// <summary>Width of the frames ffmpeg delivers (it applies the rotation).</summary>
    public int DisplayWidth => Rotation % 180 == 90 ? Height : Width;

    /// <summary>Height of the frames ffmpeg delivers (it applies the rotation).</summary>
    public int DisplayHeight => Rotation % 180 == 90 ? Width : Height;
}
