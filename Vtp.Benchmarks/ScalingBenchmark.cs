// How a pretraining step's cost grows with frames and with batch, and its memory with batch: Vtp against PyTorch,
// each point in its own pair of processes (so each peak memory is that point's), the sides taking turns.
using System.Globalization;
using Vtp.Modeling;

namespace Vtp.Benchmarks;

/// <summary>
/// Step time at several frame counts (fixed batch) and batches (the preset's frames), with peak resident memory,
/// Vtp in a child process (pretrain-step --vtp-json) and PyTorch in reference/bench_pretrain.py, in interleaved rounds.
/// Reports the PyTorch/Vtp ratios, the exponent k of time ~ frames^k fitted on the best times (next to the FLOPs'
/// own exponent), the cost per clip and the memory per extra clip (least squares on the peaks).
/// </summary>
/// <remarks>Arguments: <c>[--config small] [--frames 8,16,32] [--frames-batch 2] [--batches 2,4,8] [--steps 3]
/// [--rounds 2] [--text-length 16] [--threads 1]</c>.</remarks>
public static class ScalingBenchmark
{
    private sealed record Point(int Frames, int Batch)
    {
        public List<PretrainMeasurement> Vtp { get; } = [];
        public List<PretrainMeasurement> Peer { get; } = [];
    }

    public static int Run(string[] args)
    {
        var preset = Arguments.String(args, "--config", "small");
        var frames = Ints(Arguments.String(args, "--frames", "8,16,32"));
        var framesBatch = Arguments.Int(args, "--frames-batch", 2);
        var batches = Ints(Arguments.String(args, "--batches", "2,4,8"));
        var steps = Arguments.Int(args, "--steps", 3);
        var rounds = Arguments.Int(args, "--rounds", 2);
        var textLength = Arguments.Int(args, "--text-length", 16);
        var threads = Arguments.Int(args, "--threads", 1);
        var presetFrames = SimVtpConfig.Preset(preset).NumFrames;

        var frameSweep = frames.Select(f => new Point(f, framesBatch)).ToList();
        var batchSweep = batches.Select(b => frameSweep.FirstOrDefault(p => p.Frames == presetFrames && p.Batch == b) ?? new Point(presetFrames, b)).ToList();
        var points = frameSweep.Union(batchSweep).ToList();
        for (int round = 0; round < rounds; round++)
        {
            foreach (var point in points)
            {
                point.Vtp.Add(PretrainStepRunner.VtpChild(preset, point.Frames, point.Batch, textLength, steps, threads));
                var configPath = PretrainStepRunner.WriteConfig(PretrainStepRunner.Config(preset, point.Frames));
                point.Peer.Add(PretrainStepRunner.Peer(configPath, point.Batch, textLength, steps, threads));
                File.Delete(configPath);
            }
        }

        Console.WriteLine($"pretraining step scaling, config {preset}, text length {textLength}, libtorch threads {threads}, " +
                          $"{rounds} interleaved round(s) of {steps} steps per point; best / median ms, peak resident MiB");
        Console.WriteLine($"frames (batch {framesBatch}):");
        Table(frameSweep, preset, textLength, p => $"{p.Frames,6}");
        double FlopsOf(Point p) => SimVtpFlops.PretrainStep(PretrainStepRunner.Config(preset, p.Frames), p.Batch, textLength).Step;
        var xs = frameSweep.Select(p => Math.Log(p.Frames)).ToList();
        Console.WriteLine($"time ~ frames^k: Vtp k = {Slope(xs, frameSweep.Select(p => Math.Log(Best(p.Vtp)))):F2}, " +
                          $"PyTorch k = {Slope(xs, frameSweep.Select(p => Math.Log(Best(p.Peer)))):F2}, " +
                          $"FLOPs k = {Slope(xs, frameSweep.Select(p => Math.Log(FlopsOf(p)))):F2}");
        Console.WriteLine($"batch ({presetFrames} frames):");
        Table(batchSweep, preset, textLength, p => $"{p.Batch,6}");
        Console.WriteLine("cost per clip (best ms / batch): " + string.Join(", ", batchSweep.Select(p =>
            $"batch {p.Batch}: Vtp {Best(p.Vtp) / p.Batch:F0}, PyTorch {Best(p.Peer) / p.Batch:F0}")));
        var batchX = batchSweep.Select(p => (double)p.Batch).ToList();
        Console.WriteLine($"memory per extra clip (least squares): Vtp {Slope(batchX, batchSweep.Select(p => Peak(p.Vtp))):F0} MiB, " +
                          $"PyTorch {Slope(batchX, batchSweep.Select(p => Peak(p.Peer))):F0} MiB");
        return 0;
    }

    private static void Table(List<Point> points, string preset, int textLength, Func<Point, string> key)
    {
        Console.WriteLine($"{"",6} {"GFLOP",7} | {"Vtp ms",15} {"MiB",6} | {"PyTorch ms",15} {"MiB",6} | PyTorch/Vtp time (best, median), memory");
        foreach (var p in points)
        {
            var (vtp, peer) = (PretrainMeasurement.Combine(p.Vtp), PretrainMeasurement.Combine(p.Peer));
            var gflop = SimVtpFlops.PretrainStep(PretrainStepRunner.Config(preset, p.Frames), p.Batch, textLength).Step / 1e9;
            Console.WriteLine($"{key(p)} {gflop,7:F1} | {vtp.Step.BestMs,7:F0} /{vtp.Step.MedianMs,6:F0} {vtp.PeakRssMb,6:F0} | " +
                              $"{peer.Step.BestMs,7:F0} /{peer.Step.MedianMs,6:F0} {peer.PeakRssMb,6:F0} | " +
                              $"{peer.Step.BestMs / vtp.Step.BestMs:F2}, {peer.Step.MedianMs / vtp.Step.MedianMs:F2}, {vtp.PeakRssMb / peer.PeakRssMb:F2}");
        }
    }

    private static double Best(List<PretrainMeasurement> runs) => runs.Min(r => r.Step.BestMs);

    private static double Peak(List<PretrainMeasurement> runs) => runs.Max(r => r.PeakRssMb);

    /// <summary>Least-squares slope of y on x.</summary>
    private static double Slope(IReadOnlyList<double> x, IEnumerable<double> y)
    {
        var ys = y.ToList();
        double mx = x.Average(), my = ys.Average();
        return x.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / x.Sum(v => (v - mx) * (v - mx));
    }

    private static int[] Ints(string list) => list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
