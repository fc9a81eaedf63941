using System.CommandLine;
using Spectre.Console;
using Vtp.Samples.Cli;
using Vtp.Video;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp probe</c>: what ffprobe reports about videos (the facts the decoder plans with).</summary>
internal static class ProbeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var videos = new Argument<string[]>("videos") { Description = "Video files to probe", Arity = ArgumentArity.OneOrMore };
        var command = new Command("probe", "Show a video's codec, size, rotation, frame rate, frame count, duration and keyframe interval") { videos };
        runner.Handle(command, (parse, io) =>
        {
            var infos = parse.GetValue(videos)!.Select(path => Probe(path, io.CancellationToken)).ToList();
            return io.Result(infos, () => Print(io, infos));
        },
            "vtp probe demo/videos/test_0000.mp4",
            "vtp probe clip1.mp4 clip2.webm --json");
        return command;
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
