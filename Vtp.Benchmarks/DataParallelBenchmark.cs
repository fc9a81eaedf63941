// Data-parallel scaling on this machine: pretraining steps in 1 process against 2 processes joined by Gloo over
// loopback (gradients averaged in DDP-style buckets after backward), each measurement in fresh child processes.
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Vtp.Collectives;
using Vtp.Distributed;
using Vtp.Modeling;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>
/// Clips/s of pretraining steps (synthetic inputs, decode excluded) for: 1 process with 1 thread at the per-rank batch;
/// 2 processes with 1 thread each at that batch (data-parallel, global batch twice as large); 1 process with 2 threads at
/// the global batch. Reports the scaling efficiency and the gradient bytes all-reduced per step.
/// </summary>
/// <remarks>Arguments: <c>[--config tiny] [--batch 8] [--steps 10]</c>.</remarks>
public static class DataParallelBenchmark
{
    private const string WorkerVerb = "data-parallel-worker";

    public static int Run(string[] args)
    {
        var preset = Arguments.String(args, "--config", "tiny");
        var batch = Arguments.Int(args, "--batch", 8);
        var steps = Arguments.Int(args, "--steps", 10);
        var one = Workers(preset, batch, steps, processes: 1, threads: 1).Single();
        var two = Workers(preset, batch, steps, processes: 2, threads: 1);
        var threaded = Workers(preset, 2 * batch, steps, processes: 1, threads: 2).Single();
        var slowest = two.MaxBy(w => w.MedianMs)!;
        Console.WriteLine($"data-parallel pretraining steps, config {preset}, {batch} clips per process, {steps} timed steps (median ms)");
        Console.WriteLine($"1 process x 1 thread,  batch {batch,3}: {one.MedianMs,8:F1} ms  {batch * 1000 / one.MedianMs,7:F2} clips/s");
        Console.WriteLine($"2 processes x 1 thread, batch {batch,3} each: {slowest.MedianMs,8:F1} ms  {2 * batch * 1000 / slowest.MedianMs,7:F2} clips/s");
        Console.WriteLine($"1 process x 2 threads, batch {2 * batch,3}: {threaded.MedianMs,8:F1} ms  {2 * batch * 1000 / threaded.MedianMs,7:F2} clips/s");
        Console.WriteLine($"scaling efficiency 1 -> 2 processes (clips/s per process): {one.MedianMs / slowest.MedianMs:P0}; " +
            $"2 processes against 1 process with 2 threads: {threaded.MedianMs / slowest.MedianMs:F2}x");
        var mib = slowest.Bytes / 1048576.0;
        Console.WriteLine($"gradient averaging (copy into buckets, all-reduce, copy back) per step: {slowest.AverageMs:F1} ms, " +
            $"{slowest.AverageMs / slowest.MedianMs:P0} of the step");
        Console.WriteLine($"gradients all-reduced per step: {mib:F2} MiB per process; a ring all-reduce sends (and receives) 2(N-1)/N of that " +
            $"per process: {2.0 * (two.Count - 1) / two.Count * mib:F2} MiB at N = {two.Count}");
        return 0;
    }

    /// <summary>One rank: <c>data-parallel-worker preset batch steps threads rank worldSize port</c>; prints a JSON line.</summary>
    public static int Worker(string[] args)
    {
        var (preset, batch, steps, threads, rank, world, port) = (args[0], Int(args[1]), Int(args[2]), Int(args[3]), Int(args[4]), Int(args[5]), Int(args[6]));
        set_num_threads(threads);
        var config = SimVtpConfig.Preset(preset);
        using var group = world > 1 ? GlooCollectives.Join(new DistributedOptions { Rank = rank, WorldSize = world, MasterPort = port }) : null;
        using var model = new SimVtpPretrainModel(config);
        using var gradients = group is null ? null : new GradientBuckets(group, model.parameters());
        var averaging = new Stopwatch();
        using var optimizer = optim.AdamW(ParameterGroups.For(model, 0.05), lr: 1e-4, beta1: 0.9, beta2: 0.95);
        var inputs = SyntheticBatch.Create(config, batch, 16, new Random(rank)).Inputs;
        model.train();
        var times = StepTimer.Measure(2, steps, () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            using var output = model.Forward(inputs);
            output.LossTotal.backward();
            averaging.Start();
            gradients?.Average();
            averaging.Stop();
            optimizer.step();
        });
        var averageMs = averaging.Elapsed.TotalMilliseconds / (steps + 2);                  // warm-up steps included
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            best_ms = times.BestMs, median_ms = times.MedianMs, bytes = gradients?.BytesPerStep ?? 0, average_ms = averageMs,
        }));
        return 0;
    }

    private sealed record WorkerResult(double MedianMs, long Bytes, double AverageMs);

    private static List<WorkerResult> Workers(string preset, int batch, int steps, int processes, int threads)
    {
        var port = 29500 + Random.Shared.Next(1000, 9000);
        var entry = Assembly.GetEntryAssembly()!.Location;
        var host = Environment.ProcessPath!;
        var workers = Enumerable.Range(0, processes).Select(rank =>
        {
            var info = new ProcessStartInfo(host) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(entry);
            foreach (var a in new object[] { WorkerVerb, preset, batch, steps, threads, rank, processes, port })
                info.ArgumentList.Add(Convert.ToString(a, CultureInfo.InvariantCulture)!);
            return Process.Start(info)!;
        }).ToList();
        var outputs = workers.Select(w => w.StandardOutput.ReadToEndAsync()).ToList();
        foreach (var w in workers) w.WaitForExit();
        if (workers.Any(w => w.ExitCode != 0)) throw new InvalidOperationException($"a {WorkerVerb} process failed.");
        return outputs.Select(o => JsonDocument.Parse(o.Result.Trim().Split('\n')[^1]).RootElement)
            .Select(j => new WorkerResult(j.GetProperty("median_ms").GetDouble(), j.GetProperty("bytes").GetInt64(),
                j.GetProperty("average_ms").GetDouble())).ToList();
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
