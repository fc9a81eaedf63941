// The cost of one tiny tensor op (16 floats) from C# and from Python, where the binding, not the arithmetic, is what
// is timed (reference/bench_ops.py).
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>
/// Microseconds per call of <c>t * 2.0</c>, <c>t + t</c> and <c>t.neg()</c> on a 16-element tensor, the result
/// disposed at once, best of several batches, Vtp against PyTorch.
/// </summary>
/// <remarks>Arguments: <c>[--calls 100000] [--steps 7] [--threads 1]</c>.</remarks>
public static class OpOverheadBenchmark
{
    public static int Run(string[] args)
    {
        var calls = Arguments.Int(args, "--calls", 100_000);
        var steps = Arguments.Int(args, "--steps", 7);
        var threads = Arguments.Int(args, "--threads", 1);
        set_num_threads(threads);
        using var t = randn(16);
        var peer = StepTimer.RunPeer("bench_ops.py", threads, "--calls", $"{calls}", "--steps", $"{steps}");
        Console.WriteLine($"tiny ops (16 floats), best of {steps} batches of {calls} calls, libtorch threads {threads}");
        foreach (var (name, op) in new (string, Func<Tensor>)[] { ("mul_scalar", () => t * 2.0), ("add_tensor", () => t + t), ("neg", () => t.neg()) })
        {
            var best = StepTimer.Measure(1, steps, () =>
            {
                for (int i = 0; i < calls; i++) op().Dispose();
            }).BestMs * 1000 / calls;
            var python = peer.GetProperty(name + "_us").GetDouble();
            Console.WriteLine($"{name,-11} Vtp {best,6:F3} us, PyTorch {python,6:F3} us, PyTorch/Vtp {python / best:F2}");
        }
        return 0;
    }
}
