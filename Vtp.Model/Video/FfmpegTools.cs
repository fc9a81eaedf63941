using FFMpegCore;

namespace Vtp.Video;

/// <summary>
/// Where the ffmpeg and ffprobe executables are. Defaults to the names on PATH; the environment variables
/// <c>VTP_FFMPEG</c> and <c>VTP_FFPROBE</c> override them (read once, at first use). Probing and decoding run them
/// through FFMpegCore, which takes a folder and runs the file named <c>ffmpeg</c> or <c>ffprobe</c> in it, so a
/// path set here must end in that name.
/// </summary>
public static class FfmpegTools
{
    /// <summary>The ffmpeg executable (name on PATH or full path).</summary>
    public static string Ffmpeg { get; set; } = Environment.GetEnvironmentVariable("VTP_FFMPEG") ?? "ffmpeg";

    /// <summary>The ffprobe executable (name on PATH or full path).</summary>
    public static string Ffprobe { get; set; } = Environment.GetEnvironmentVariable("VTP_FFPROBE") ?? "ffprobe";

    /// <summary>FFMpegCore options (the global ones, with the folder of <see cref="Ffmpeg"/>) for one ffmpeg run.</summary>
    internal static FFOptions FfmpegOptions() => OptionsFor(Ffmpeg, "ffmpeg", "VTP_FFMPEG");

    /// <summary>FFMpegCore options (the global ones, with the folder of <see cref="Ffprobe"/>) for one ffprobe run.</summary>
    internal static FFOptions FfprobeOptions() => OptionsFor(Ffprobe, "ffprobe", "VTP_FFPROBE");

    // FFMpegCore runs '{BinaryFolder}/{name}', or '{name}' from PATH when the folder is empty, and falls back to PATH
    // when the folder does not hold it: a configured path that is not there must fail here, not run another ffmpeg.
    private static FFOptions OptionsFor(string executable, string name, string variable)
    {
        var folder = Path.GetDirectoryName(executable) ?? "";
        if (Path.GetFileNameWithoutExtension(executable) != name || (folder.Length > 0 && !File.Exists(executable)))
        {
            throw new InvalidOperationException(
                $"Cannot run '{executable}' as {name}: FFMpegCore runs a file named '{name}' from a folder, and " +
                $"that file must exist. Install ffmpeg (Debian: apt-get install ffmpeg) or point {variable} at it.");
        }

        var options = GlobalFFOptions.Current.Clone();
        options.BinaryFolder = folder;
        return options;
    }
}
