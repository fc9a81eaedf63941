namespace Vtp.Video;

/// <summary>How ffmpeg reaches the sampled frames of a clip. Both give byte-identical frames.</summary>
public enum FrameDecodeStrategy
{
    /// <summary>Pick the cheaper of the two from the frame count, sampled indices and keyframe interval.</summary>
    Auto,

    /// <summary>Decode from the start and keep the wanted frames with the <c>select</c> filter; stops after the last one.</summary>
    Select,

    /// <summary>
    /// Seek (one ffmpeg input per run of nearby samples) and decode from the keyframe before each run. Needs a
    /// constant frame rate, since frame numbers become timestamps.
    /// </summary>
    Seek,
}
