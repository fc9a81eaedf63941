// Model FLOPs utilisation of a pretraining step: the analytic FLOPs per step (Vtp.Modeling.SimVtpFlops) over the
// measured step time, against the machine's float32 matmul peak measured in the same run from C# and from Python.
using System.Globalization;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>
/// For each config:batch:steps, FLOPs per step (forward + backward counted as 3 x forward; matrix products as
/// 2*m*n*k, attention included), the best step time of Vtp and of PyTorch, the FLOP rate each reaches and its share
/// of the peak. The peak is the best square sgemm (torch.mm) of either side at the same thread settings, so neither
/// side's utilisation is flattered by a slow peak.
/// </summary>
/// <remarks>Arguments: <c>[--runs tiny:8:10,small:4:3,base:2:2] [--text-length 16] [--threads 1] [--sizes 512,1024,2048]</c>.</remarks>
public static class MfuBenchmark
{
    public static int Run(string[] args)
    {
        var runs = Arguments.String(args, "--runs", "tiny:8:10,small:4:3,base:2:2").Split(',').Select(r => r.Split(':')).ToList();
        var textLength = Arguments.Int(args, "--text-length", 16);
        var threads = Arguments.Int(args, "--threads", 1);
        var sizes = Arguments.String(args, "--sizes", "512,1024,2048");
        set_num_threads(threads);

        // Two interleaved rounds; each size keeps its best.
        var (vtpPeak, peerPeak) = (new Dictionary<int, double>(), new Dictionary<int, double>());
        for (int round = 0; round < 2; round++)
        {
            foreach (var n in sizes.Split(',').Select(int.Parse))
                vtpPeak[n] = Math.Max(vtpPeak.GetValueOrDefault(n), VtpMatmulGflops(n));
            foreach (var p in StepTimer.RunPeer("bench_matmul.py", threads, "--sizes", sizes, "--work", $"{MatmulWorkGflop}").GetProperty("gflops").EnumerateObject())
                peerPeak[int.Parse(p.Name, CultureInfo.InvariantCulture)] = Math.Max(peerPeak.GetValueOrDefault(int.Parse(p.Name, CultureInfo.InvariantCulture)), p.Value.GetDouble());
        }
        foreach (var (n, gflops) in vtpPeak)
            Console.WriteLine($"sgemm {n}x{n}x{n}: Vtp {gflops,6:F1} GFLOP/s, PyTorch {peerPeak[n],6:F1} GFLOP/s");
        var peak = Math.Max(vtpPeak.Values.Max(), peerPeak.Values.Max());
        Console.WriteLine($"peak (best of both, libtorch threads {threads}, OpenBLAS as installed): {peak:F1} GFLOP/s");
        Console.WriteLine($"{"config",-7} {"batch",5} {"GFLOP/step",11} | {"Vtp ms",9} {"GFLOP/s",8} {"MFU",6} | {"PyTorch ms",10} {"GFLOP/s",8} {"MFU",6}");

        foreach (var run in runs)
        {
            var (preset, batch, steps) = (run[0], int.Parse(run[1], CultureInfo.InvariantCulture), int.Parse(run[2], CultureInfo.InvariantCulture));
            var config = SimVtpConfig.Preset(preset);
            var flops = SimVtpFlops.PretrainStep(config, batch, textLength).Step / 1e9;
            PretrainMeasurement vtp;
            using (var session = new VtpPretrainSession(config, batch, textLength)) vtp = session.Measure(2, steps);
            var configPath = PretrainStepRunner.WriteConfig(config);
            var peer = PretrainStepRunner.Peer(configPath, batch, textLength, steps, threads);
            File.Delete(configPath);
            string Side(PretrainMeasurement m, int width)
            {
                var rate = flops / (m.Step.BestMs / 1000);
                return $"{m.Step.BestMs.ToString("F1", CultureInfo.InvariantCulture).PadLeft(width)} {rate,8:F1} {100 * rate / peak,5:F1}%";
            }
            Console.WriteLine($"{preset,-7} {batch,5} {flops,11:F2} | {Side(vtp, 9)} | {Side(peer, 10)}");
        }
        return 0;
    }

    // Each size repeats until it has done this many GFLOP (at least 5 products), as in bench_matmul.py.
    private const int MatmulWorkGflop = 20;

    /// <summary>Best GFLOP/s of an n x n by n x n float32 product through TorchSharp.</summary>
    private static double VtpMatmulGflops(int n)
    {
        using var scope = NewDisposeScope();
        var (a, b) = (randn(n, n), randn(n, n));
        var perProduct = 2.0 * n * n * n / 1e9;
        var times = StepTimer.Measure(2, Math.Max(5, (int)Math.Ceiling(MatmulWorkGflop / perProduct)), () => a.mm(b).Dispose());
        return perProduct / (times.BestMs / 1000);
    }
}
