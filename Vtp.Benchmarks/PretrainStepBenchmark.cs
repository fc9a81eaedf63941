// One full SimVTP pretraining step (four passes, all losses, backward, AdamW), Vtp against PyTorch
// (reference/bench_pretrain.py), on the same config and batch shape, in one run.
using Vtp.Modeling;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>
/// Clips per second of a pretraining step at a config preset (tiny, small, parity, base) and batch, decode excluded,
/// with synthetic inputs of the same shapes on both sides, plus each process's peak resident memory.
/// </summary>
/// <remarks>Arguments: <c>[--config tiny] [--batch 8] [--text-length 16] [--steps 10] [--threads 1]</c>.</remarks>
public static class PretrainStepBenchmark
{
    public static int Run(string[] args)
    {
        var preset = Arguments.String(args, "--config", "tiny");
        var batch = Arguments.Int(args, "--batch", 8);
        var textLength = Arguments.Int(args, "--text-length", 16);
        var steps = Arguments.Int(args, "--steps", 10);
        var threads = Arguments.Int(args, "--threads", 1);
        set_num_threads(threads);
        var config = SimVtpConfig.Preset(preset);
        var configPath = Path.Combine(Path.GetTempPath(), $"vtp-bench-{preset}.json");
        File.WriteAllText(configPath, config.ToJson());
        manual_seed(0);
        StepTimes vtp;
        using (var model = new SimVtpPretrainModel(config))
        using (var optimizer = optim.AdamW(ParameterGroups.For(model, 0.05), lr: 1e-4, beta1: 0.9, beta2: 0.95))
        {
            var inputs = SyntheticBatch.Create(config, batch, textLength, new Random(0)).Inputs;
            model.train();
            vtp = StepTimer.Measure(2, steps, () =>
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                using var output = model.Forward(inputs);
                output.LossTotal.backward();
                optimizer.step();
            });
        }
        var vtpPeak = StepTimer.PeakResidentMb();
        var peer = StepTimer.RunPeer("bench_pretrain.py", threads, "--config", configPath, "--batch", $"{batch}",
            "--text-length", $"{textLength}", "--steps", $"{steps}");
        var times = StepTimer.Times(peer);
        Console.WriteLine($"pretraining step, config {preset}, batch {batch}, text length {textLength}, libtorch threads {threads}");
        Report.Ratio(vtp, times);
        Console.WriteLine($"clips/s (best step): Vtp {batch * 1000 / vtp.BestMs:F2}, PyTorch {batch * 1000 / times.BestMs:F2}");
        Console.WriteLine($"peak resident memory: Vtp process {vtpPeak:F0} MiB, PyTorch process {peer.GetProperty("peak_rss_mb").GetDouble():F0} MiB");
        return 0;
    }
}
