using System.CommandLine;
using Spectre.Console;
using Vtp.Samples.Cli;
using Vtp.Video;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp probe</c>: what ffprobe reports about videos (the facts the decoder plans with).</summary>
internal static class ProbeCommand
{
    private static readonly string[] VideoExtensions = [".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi"];

    public static Command Create(CommandRunner runner)
    {
        var videos = new Argument<string[]>("videos") { Description = "Video files to probe, or folders (their video files)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("probe", "Show a video's codec, size, rotation, frame rate, frame count, duration and keyframe interval") { videos };
        runner.Handle(command, (parse, io) =>
        {
            var infos = parse.GetValue(videos)!.SelectMany(VideoFiles).Select(path => Probe(path, io.CancellationToken)).ToList();
            return io.Result(infos, () => Print(io, infos));
        },
            "vtp probe demo/videos/test_0000.mp4",
            "vtp probe clip1.mp4 clip2.webm --json",
            "vtp probe demo/videos");
        return command;
    }

    // A file as it is; a folder: the files in it with a video extension, in name order.
    private static IEnumerable<string> VideoFiles(string path)
    {
        if (!Directory.Exists(path)) return [path];
        var files = Directory.EnumerateFiles(path).Where(f => VideoExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new CliException(ExitCodes.BadInput,
            $"'{path}' is a folder with no video files ({string.Join(", ", VideoExtensions)}).",
            "Give video files, e.g. 'vtp probe folder/clip.mp4', or a folder that holds some.");
    }

    private static VideoInfo Probe(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? VideoProbe.Probe(path, cancellationToken) : throw CliException.MissingFile(path, "Video");

    private static void Print(CommandIO io, IReadOnlyList<VideoInfo> infos)
    {
        var table = new Table().AddColumns("video", "codec", "size", "rotation", "fps", "frames", "seconds", "keyframe every");
        foreach (var info in infos)
        {
            table.AddRow(Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, info.FilePath)), info.Codec,
                $"{info.DisplayWidth}x{info.DisplayHeight}", $"{info.Rotation}", $"{info.FrameRate:0.###}", $"{info.FrameCount}",
                $"{info.Duration:0.###}", info.KeyframeInterval is { } k ? $"{k} frames" : "-");
        }
        io.Out.Write(table);
    }
}
