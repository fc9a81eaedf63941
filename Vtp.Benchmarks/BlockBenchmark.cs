// Forward + backward of one SimVTP transformer block, Vtp against PyTorch (reference/bench_block.py), in one run.
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
        manual_seed(0);
        using var block = new Block(Dim, Heads, 4 * Dim, 0.0);
        using var x = randn(Batch, Tokens, Dim, requires_grad: true);
        var vtp = StepTimer.Measure(5, steps, () =>
        {
            using var scope = NewDisposeScope();
            block.zero_grad();
            x.grad = null;
            block.call(x, null).square().mean().backward();
        });
        var peer = StepTimer.Times(StepTimer.RunPeer("bench_block.py", threads, "--batch", $"{Batch}", "--tokens", $"{Tokens}",
            "--dim", $"{Dim}", "--heads", $"{Heads}", "--steps", $"{steps}"));
        Console.WriteLine($"block fwd+bwd, batch {Batch}, tokens {Tokens}, dim {Dim}, heads {Heads}, libtorch threads {threads}, " +
                          $"OPENBLAS_NUM_THREADS={Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? "(default)"}");
        Report.Ratio(vtp, peer);
        return 0;
    }
}
