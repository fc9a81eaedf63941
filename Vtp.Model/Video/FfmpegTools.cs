namespace Vtp.Video;

/// <summary>
/// Where the ffmpeg and ffprobe executables are. Defaults to the names on PATH; the environment variables
/// <c>VTP_FFMPEG</c> and <c>VTP_FFPROBE</c> override them (read once, at first use).
/// </summary>
public static class FfmpegTools
{
    /// <summary>The ffmpeg executable (name on PATH or full path).</summary>
    public static string Ffmpeg { get; set; } = Environment.GetEnvironmentVariable("VTP_FFMPEG") ?? "ffmpeg";

    /// <summary>The ffprobe executable (name on PATH or full path).</summary>
    public static string Ffprobe { get; set; } = Environment.GetEnvironmentVariable("VTP_FFPROBE") ?? "ffprobe";
}
