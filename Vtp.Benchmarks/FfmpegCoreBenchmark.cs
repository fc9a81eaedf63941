using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FFMpegCore.Pipes;
using Vtp.Video;

namespace Vtp.Benchmarks;

/// <summary>
/// Vtp's video path through FFMpegCore against a plain ffmpeg/ffprobe process (how Vtp ran them before), on the same
/// generated 10 s 640x360 H.264 clips, taking turns pair by pair (ABBA): decoding 16 sampled frames to 224x224 with
/// the command line Vtp builds (its FFMpegCore pipe output swapped for stdout), and probing. The frames of each pair
/// must be byte-identical.
/// </summary>
/// <remarks>Arguments: <c>[--clips N] [--rounds N] [--folder DIR]</c>.</remarks>
public static partial class FfmpegCoreBenchmark
{
    private static readonly FrameGeometry Geometry = new(224, 224) { SourceCrop = new PixelRect(140, 0, 360, 360) };

    /// <summary>Runs the benchmark and prints the results; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var clips = Arguments.Int(args, "--clips", 8);
        var rounds = Arguments.Int(args, "--rounds", 6);
        var folder = Arguments.String(args, "--folder", Path.Combine(Path.GetTempPath(), "vtp-bench-video"));
        Directory.CreateDirectory(folder);
        var infos = Enumerable.Range(0, clips)
            .Select(i => VideoProbe.Probe(VideoLoaderBenchmark.Generate(folder, $"clip{i}.mp4", seconds: 10, gop: null, i))).ToList();
        Console.WriteLine($"{clips} clips of 10 s, 640x360, 25 fps H.264; {rounds} rounds; 16 frames to 224x224; {Environment.ProcessorCount} cores");

        var random = new Random(0);
        var workloads = new (string Name, Func<VideoInfo, int[]> Frames)[]
        {
            ("decode, pretraining (16 x stride 4)", info => TemporalSampler.Pretraining(info.FrameCount, 16, 4, random)),
            ("decode, uniform 16 over all frames", info => TemporalSampler.Uniform(info.FrameCount, 16)),
        };
        foreach (var (name, frames) in workloads)
        {
            Report(name, Pairs(infos, rounds, info => Decode(info, frames(info))));
        }

        Report("probe", Pairs(infos, rounds, info => (() => Probe(info.FilePath), () => DirectProbe(info.FilePath))));
        return 0;
    }

    // Times (FFMpegCore, direct) for every clip and round, the order alternating pair by pair; the two outputs of a
    // pair must be equal.
    private static List<(double Core, double Direct)> Pairs(
        List<VideoInfo> infos, int rounds, Func<VideoInfo, (Func<byte[]> Core, Func<byte[]> Direct)> work)
    {
        var pairs = new List<(double, double)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var info in infos)
            {
                var (core, direct) = work(info);
                var coreFirst = pairs.Count % 2 == 0;
                var (first, firstOutput) = Time(coreFirst ? core : direct);
                var (second, secondOutput) = Time(coreFirst ? direct : core);
                if (!firstOutput.AsSpan().SequenceEqual(secondOutput))
                {
                    throw new InvalidOperationException($"FFMpegCore and the direct process gave different results for {info.FilePath}.");
                }

                pairs.Add(coreFirst ? (first, second) : (second, first));
            }
        }

        return pairs;
    }

    private static (Func<byte[]> Core, Func<byte[]> Direct) Decode(VideoInfo info, int[] frames)
    {
        var unique = frames.Distinct().Order().ToArray();
        var (strategy, runs) = DecodePlanner.Plan(info, unique, FrameDecodeStrategy.Auto);
        var options = new VideoDecodeOptions { Strategy = strategy };
        var command = FfmpegDecodeArguments.Build(info, strategy, runs, Geometry, options, new StreamPipeSink(Stream.Null)).Arguments;
        var direct = $"{PipeOutput().Replace(command, "pipe:1")} -v error";
        return (() => VideoFrameDecoder.Decode(info, unique, Geometry, options).Rgb, () => DirectDecode(direct, unique.Length));
    }

    private static byte[] Probe(string path)
    {
        VideoProbe.Probe(path);
        return [];
    }

    private static byte[] DirectDecode(string arguments, int frames)
    {
        var rgb = new byte[frames * Geometry.FrameBytes];
        using var process = Start(FfmpegTools.Ffmpeg, arguments);
        var read = process.StandardOutput.BaseStream.ReadAtLeast(rgb, rgb.Length, throwOnEndOfStream: false);
        process.WaitForExit();
        return process.ExitCode == 0 && read == rgb.Length
            ? rgb
            : throw new InvalidOperationException($"ffmpeg {arguments} failed: {read} of {rgb.Length} bytes, exit code {process.ExitCode}");
    }

    // The ffprobe call Vtp made before FFMpegCore, with its JSON parsed.
    private static byte[] DirectProbe(string path)
    {
        using var process = Start(
            FfmpegTools.Ffprobe,
            $"-v error -print_format json -show_format -show_streams -show_entries packet=stream_index,flags -read_intervals %+#600 \"{path}\"");
        using var json = JsonDocument.Parse(process.StandardOutput.ReadToEnd());
        process.WaitForExit();
        return [];
    }

    private static Process Start(string executable, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.BeginErrorReadLine();
        return process;
    }

    private static (double Seconds, byte[] Output) Time(Func<byte[]> run)
    {
        var clock = Stopwatch.StartNew();
        var output = run();
        return (clock.Elapsed.TotalSeconds, output);
    }

    private static void Report(string name, List<(double Core, double Direct)> pairs)
    {
        var ratios = pairs.Select(p => p.Core / p.Direct).Order().ToList();
        double Quantile(double q) => ratios[(int)Math.Round(q * (ratios.Count - 1))];
        var core = Median(pairs.Select(p => p.Core));
        var direct = Median(pairs.Select(p => p.Direct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-38} FFMpegCore {core * 1000,6:F1} ms, direct {direct * 1000,6:F1} ms (medians of {pairs.Count}); " +
            $"FFMpegCore/direct per pair: median {Quantile(0.5):F3}, quartiles {Quantile(0.25):F3}-{Quantile(0.75):F3}; " +
            $"sums {pairs.Sum(p => p.Core) / pairs.Sum(p => p.Direct):F3}"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [GeneratedRegex("\"unix:[^\"]*\"")]
    private static partial Regex PipeOutput();
}
