namespace Vtp.Video;

/// <summary>Options of <see cref="VideoFrameDecoder"/>.</summary>
public sealed class VideoDecodeOptions
{
    /// <summary>How ffmpeg reaches the sampled frames. Default: <see cref="FrameDecodeStrategy.Auto"/>.</summary>
    public FrameDecodeStrategy Strategy { get; init; } = FrameDecodeStrategy.Auto;

    /// <summary>
    /// Largest source frame accepted, in pixels (width x height); bigger videos are refused before decoding with a
    /// <see cref="VideoDecodeException"/>. Default: 8192 x 4320 (8K).
    /// </summary>
    public long MaxPixels { get; init; } = 8192L * 4320;

    /// <summary>Decoder threads per ffmpeg process; 0 lets ffmpeg choose. Default: 0.</summary>
    public int DecoderThreads { get; init; }

    /// <summary>
    /// When false (default) ffmpeg stops at the first decode error (<c>-xerror</c>) and the clip fails with a
    /// <see cref="VideoDecodeException"/>; when true, ffmpeg's error concealment is accepted and corrupt frames may
    /// come back damaged.
    /// </summary>
    public bool TolerateDecodeErrors { get; init; }
}
