namespace Vtp.Video;

/// <summary>Decoded rgb24 frames, one per requested frame number, in request order.</summary>
/// <param name="Rgb">Frames back to back; each is <see cref="Height"/> rows of <see cref="Width"/> RGB triples.</param>
/// <param name="FrameCount">Number of frames (equals the number of requested frame numbers).</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="RepeatedFrames">
/// How many requested frames lay past the last frame ffmpeg actually produced (the container promised more than
/// the stream held) and were filled with that last frame, as SimVTP's sampler clamps. 0 in the normal case.
/// </param>
/// <param name="Strategy">The strategy that produced the frames (never <see cref="FrameDecodeStrategy.Auto"/>).</param>
public sealed record DecodedFrames(
    byte[] Rgb, int FrameCount, int Width, int Height, int RepeatedFrames, FrameDecodeStrategy Strategy)
{
    /// <summary>Bytes of one frame.</summary>
    public int FrameBytes => Width * Height * 3;

    /// <summary>The bytes of frame <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Frame(int index) => Rgb.AsSpan(index * FrameBytes, FrameBytes);
}
