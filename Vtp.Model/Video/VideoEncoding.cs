namespace Vtp.Video;

/// <summary>How <see cref="RawVideoWriter"/> encodes: ffmpeg codec, pixel format and extra output arguments.</summary>
/// <param name="Codec">ffmpeg encoder name, e.g. <c>libx264</c>.</param>
/// <param name="PixelFormat">Pixel format of the encoded stream, e.g. <c>yuv420p</c>.</param>
/// <param name="ExtraArguments">Further output options, e.g. <c>-crf 18</c>.</param>
public sealed record VideoEncoding(string Codec, string PixelFormat, IReadOnlyList<string> ExtraArguments)
{
    /// <summary>H.264 in yuv420p (plays everywhere; lossy), one encoder thread.</summary>
    public static VideoEncoding H264 { get; } =
        new("libx264", "yuv420p", ["-preset", "veryfast", "-crf", "18", "-threads", "1"]);

    /// <summary>Lossless H.264 in RGB (<c>libx264rgb -qp 0</c>): decoding gives back the exact input bytes.</summary>
    public static VideoEncoding LosslessRgb { get; } =
        new("libx264rgb", "rgb24", ["-qp", "0", "-preset", "ultrafast", "-threads", "1"]);

    /// <summary>Lossless FFV1 in planar RGB: decoding gives back the exact input bytes, at any (odd) size.</summary>
    public static VideoEncoding LosslessFfv1 { get; } = new("ffv1", "gbrp", ["-threads", "1"]);
}
