// Forward + backward of one SimVTP transformer block, Vtp against PyTorch (reference/bench_block.py), in one run.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>
/// Times the same pre-norm block (q/v biases, exact GELU, LN eps 1e-6) at batch 8, 200 tokens, width 384, 6 heads
/// (the ENGINE.md configuration) from C# and from python3-torch, both with libtorch's intra-op threads set by
/// <c>--threads</c> (default 1) and OpenBLAS as installed, and prints the ratio of the best and median step times.
/// </summary>
/// <remarks>Arguments: <c>[--steps N] [--threads N]</c>.</remarks>
public static class BlockBenchmark
{
    private const int Batch = 8, Tokens = 200, Dim = 384, Heads = 6;

    public static int Run(string[] args)
    {
        var steps = Arguments.Int(args, "--steps", 30);
        var threads = Arguments.Int(args, "--threads", 1);
        set_num_threads(threads);
        var (vtpBest, vtpMedian) = TimeVtp(steps);
        var (torchBest, torchMedian) = TimePyTorch(steps, threads);
        Console.WriteLine($"block fwd+bwd, batch {Batch}, tokens {Tokens}, dim {Dim}, heads {Heads}, libtorch threads {threads}, " +
                          $"OPENBLAS_NUM_THREADS={Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? "(default)"}");
        Console.WriteLine($"Vtp (C#)  best {vtpBest,8:F1} ms  median {vtpMedian,8:F1} ms");
        Console.WriteLine($"PyTorch   best {torchBest,8:F1} ms  median {torchMedian,8:F1} ms");
        Console.WriteLine($"PyTorch/Vtp time ratio: best {torchBest / vtpBest:F3}, median {torchMedian / vtpMedian:F3} (above 1: Vtp is faster)");
        return 0;
    }

    private static (double best, double median) TimeVtp(int steps)
    {
        manual_seed(0);
        using var block = new Block(Dim, Heads, 4 * Dim, 0.0);
        using var x = randn(Batch, Tokens, Dim, requires_grad: true);
        var times = new List<double>();
        for (int step = 0; step < steps + 5; step++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                block.zero_grad();
                x.grad = null;
                block.call(x, null).square().mean().backward();
            }
            if (step >= 5) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (times.Min(), Median(times));
    }

    private static (double best, double median) TimePyTorch(int steps, int threads)
    {
        var script = Path.Combine(Arguments.RepositoryRoot, "reference", "bench_block.py");
        var info = new ProcessStartInfo("/usr/bin/python3", [script, "--batch", $"{Batch}", "--tokens", $"{Tokens}", "--dim", $"{Dim}", "--heads", $"{Heads}", "--steps", $"{steps}"])
        {
            RedirectStandardOutput = true,
            Environment = { ["VTP_REFERENCE_THREADS"] = threads.ToString(CultureInfo.InvariantCulture) },
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} failed with exit code {process.ExitCode}.");
        using var json = JsonDocument.Parse(output);
        return (json.RootElement.GetProperty("best_ms").GetDouble(), json.RootElement.GetProperty("median_ms").GetDouble());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
