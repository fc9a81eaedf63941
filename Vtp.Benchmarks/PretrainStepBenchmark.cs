// Pretraining step (four passes, all losses, backward, AdamW) of Vtp's SimVtpPretrainModel against PyTorch
// (reference/bench_pretrain.py), on the same config and batch shape, in one run.
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>
/// Clips per second of a pretraining step at a config preset (tiny, small, parity, base) and batch, decode excluded,
/// with synthetic inputs of the same shapes on both sides, the forward, backward and optimizer phases, minor page
/// faults per step and each process's peak resident memory. With <c>--rounds R</c> the two sides take turns R times.
/// </summary>
/// <remarks>Arguments: <c>[--config tiny] [--frames N] [--batch 8] [--text-length 16] [--steps 10] [--threads 1]
/// [--rounds 1] [--vtp-json]</c>; <c>--vtp-json</c> times Vtp alone and prints the peer's JSON line.</remarks>
public static class PretrainStepBenchmark
{
    public static int Run(string[] args)
    {
        var preset = Arguments.String(args, "--config", "tiny");
        var frames = Arguments.Int(args, "--frames", 0);
        var batch = Arguments.Int(args, "--batch", 8);
        var textLength = Arguments.Int(args, "--text-length", 16);
        var steps = Arguments.Int(args, "--steps", 10);
        var threads = Arguments.Int(args, "--threads", 1);
        var rounds = Arguments.Int(args, "--rounds", 1);
        set_num_threads(threads);
        var config = PretrainStepRunner.Config(preset, frames);
        using var session = new VtpPretrainSession(config, batch, textLength);
        if (args.Contains("--vtp-json"))
        {
            Console.WriteLine(session.Measure(2, steps).ToJson());
            return 0;
        }

        var configPath = PretrainStepRunner.WriteConfig(config);
        var (vtpRuns, peerRuns) = (new List<PretrainMeasurement>(), new List<PretrainMeasurement>());
        for (int round = 0; round < rounds; round++)
        {
            vtpRuns.Add(session.Measure(round == 0 ? 2 : 0, steps));
            peerRuns.Add(PretrainStepRunner.Peer(configPath, batch, textLength, steps, threads));
        }
        File.Delete(configPath);
        var (vtp, peer) = (PretrainMeasurement.Combine(vtpRuns), PretrainMeasurement.Combine(peerRuns));
        Console.WriteLine($"pretraining step, config {preset}, {config.NumFrames} frames, batch {batch}, text length {textLength}, " +
                          $"libtorch threads {threads}, {rounds} round(s) of {steps} steps");
        Report.Ratio(vtp.Step, peer.Step);
        Console.WriteLine($"clips/s (best step): Vtp {batch * 1000 / vtp.Step.BestMs:F2}, PyTorch {batch * 1000 / peer.Step.BestMs:F2}");
        Report.Phases(vtp, peer);
        Console.WriteLine($"peak resident memory: Vtp process {vtp.PeakRssMb:F0} MiB, PyTorch process {peer.PeakRssMb:F0} MiB");
        return 0;
    }
}
