using System.Diagnostics;
using System.Globalization;
using Vtp.Data;
using Vtp.Video;

namespace Vtp.Benchmarks;

/// <summary>
/// Clips per second of <see cref="VideoLoader"/> at 16x224x224 against <c>ffmpeg -f null</c> (the decoder alone, our
/// ceiling) on the same generated 10 s 640x360 H.264 clips, both with two workers, in one run.
/// <c>crossover</c> instead measures where seeking beats decoding from the start (DecodePlanner's constants).
/// </summary>
/// <remarks>Arguments: <c>[crossover] [--clips N] [--epochs N (at least 2)] [--folder DIR]</c>.</remarks>
public static class VideoLoaderBenchmark
{
    private const int Workers = 2;

    /// <summary>Runs the benchmark and prints the results; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var clips = IntOption(args, "--clips", 8);
        var epochs = Math.Max(2, IntOption(args, "--epochs", 3));
        var folder = Option(args, "--folder") ?? Path.Combine(Path.GetTempPath(), "vtp-bench-video");
        Directory.CreateDirectory(folder);
        if (args.Contains("crossover"))
        {
            Crossover(folder);
            return 0;
        }

        var paths = Enumerable.Range(0, clips).Select(i => Generate(folder, $"clip{i}.mp4", seconds: 10, gop: null, i)).ToList();
        var samples = paths.Select(p => new VideoTextSample(p, "benchmark")).ToList();
        Console.WriteLine($"{clips} clips of 10 s, 640x360, 25 fps H.264 (x264 defaults); {Workers} workers; {epochs} epochs; {Environment.ProcessorCount} cores");

        var ceiling = Measure(clips * epochs, () => Parallel.ForEach(
            Enumerable.Range(0, epochs).SelectMany(_ => paths), new ParallelOptions { MaxDegreeOfParallelism = Workers },
            path => Ffmpeg("-i", path, "-f", "null", "-")));
        Console.WriteLine($"ffmpeg -f null (all 250 frames)          {ceiling,8:F2} clips/s");

        foreach (var (name, temporal) in new[]
                 {
                     ("loader, pretraining (16 x stride 4)", TemporalSampling.Pretraining),
                     ("loader, uniform 16 over all 250 frames", TemporalSampling.Uniform),
                 })
        {
            var loader = new VideoLoader(samples, new VideoLoaderOptions
            {
                Workers = Workers, Capacity = 4, Sampling = new ClipSamplingOptions { Temporal = temporal, NumFrames = 16, Size = 224 },
            });
            // Epoch 0 probes every file; later epochs reuse the probes (the reader caches them).
            var cold = Measure(clips, () => Drain(loader.ReadEpoch(0)));
            var warm = Measure(clips * (epochs - 1), () =>
            {
                for (var epoch = 1; epoch < epochs; epoch++)
                {
                    Drain(loader.ReadEpoch(epoch));
                }
            });
            Console.WriteLine($"{name,-40} first epoch {cold,6:F2} clips/s = {cold / ceiling:F2} x;  " +
                              $"later epochs {warm,6:F2} clips/s = {warm / ceiling:F2} x ffmpeg -f null");
        }

        return 0;
    }

    // Decode cost per frame, cost per extra ffmpeg input, and 16 spread samples decoded both ways over growing spans.
    private static void Crossover(string folder)
    {
        const int gop = 50;
        var path = Generate(folder, "long.mp4", seconds: 120, gop, seed: 0);
        var info = VideoProbe.Probe(path);
        var geometry = new FrameGeometry(224, 224) { SourceCrop = new PixelRect(140, 0, 360, 360) };
        Console.WriteLine($"120 s, 640x360, 25 fps H.264, keyframe every {info.KeyframeInterval} frames; 16x224x224 crops");

        double Time(int[] indices, FrameDecodeStrategy strategy) => Median(5, () =>
            VideoFrameDecoder.Decode(info, indices, geometry, new VideoDecodeOptions { Strategy = strategy }));

        var fewFrames = Time([10], FrameDecodeStrategy.Select);
        var manyFrames = Time([1010], FrameDecodeStrategy.Select);
        var perFrame = (manyFrames - fewFrames) / 1000;
        Console.WriteLine($"decode: {perFrame * 1000:F3} ms per frame; process with 11 frames: {fewFrames * 1000:F0} ms");

        // Samples just after keyframes, so each seek input decodes two frames: the difference is the input overhead.
        // (Not on a keyframe: seeking half a frame early would land on the keyframe before it.)
        var oneInput = Time([gop * 6 + 1], FrameDecodeStrategy.Seek);
        var eightInputs = Time(Enumerable.Range(1, 8).Select(i => gop * 6 * i + 1).ToArray(), FrameDecodeStrategy.Seek);
        var perInput = (eightInputs - oneInput) / 7;
        Console.WriteLine($"seek: {perInput * 1000:F1} ms per extra input = {perInput / perFrame:F0} decoded frames " +
                          $"(DecodePlanner.InputOverheadFrames)");

        Console.WriteLine("16 samples spread over n frames: select vs seek (rule of thumb: seek wins past 16 x GOP/2 = " +
                          $"{16 * gop / 2} frames)");
        foreach (var span in new[] { 200, 400, 800, 1200, 1600, 2400, 2999 })
        {
            var indices = Enumerable.Range(0, 16).Select(i => 7 + i * (span - 8) / 15).ToArray();
            double select = Time(indices, FrameDecodeStrategy.Select), seek = Time(indices, FrameDecodeStrategy.Seek);
            var auto = VideoFrameDecoder.Decode(info, indices, geometry).Strategy;
            Console.WriteLine($"  n = {span,5}: select {select * 1000,6:F0} ms, seek {seek * 1000,6:F0} ms -> " +
                              $"{(seek < select ? "seek" : "select")} faster; Auto picks {auto}");
        }
    }

    internal static string Generate(string folder, string name, int seconds, int? gop, int seed)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            // testsrc2 moves and changes every frame; the seed shifts its pattern so clips differ.
            string[] keyframes = gop is { } g ? ["-g", $"{g}", "-keyint_min", $"{g}", "-sc_threshold", "0"] : [];
            Ffmpeg(["-f", "lavfi", "-i", $"testsrc2=size=640x360:rate=25,hue=h={seed * 40}", "-t", $"{seconds}",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", .. keyframes, "-y", path]);
        }

        return path;
    }

    private static void Ffmpeg(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", .. arguments])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed: {stderr}");
        }
    }

    private static void Drain(IEnumerable<LoadedClip> clips)
    {
        foreach (var clip in clips)
        {
            GC.KeepAlive(clip);
        }
    }

    private static double Measure(int clips, Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clips / clock.Elapsed.TotalSeconds;
    }

    private static double Median(int repeats, Action run)
    {
        var times = Enumerable.Range(0, repeats).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            run();
            return clock.Elapsed.TotalSeconds;
        }).Order().ToList();
        return times[repeats / 2];
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
