// Vtp's pretraining step with the official four encoder calls against SimVtpPretrainOptions.FusePasses (the joint
// and VTM passes as one call), both models in this process, taking turns so that load on the machine hits both.
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>Best and median step times of the official and the fused pretraining forward, and their ratio.</summary>
/// <remarks>Arguments: <c>[--config tiny] [--batch 8] [--text-length 16] [--steps 10] [--rounds 3] [--threads 1]</c>.</remarks>
public static class FusedPassesBenchmark
{
    public static int Run(string[] args)
    {
        var preset = Arguments.String(args, "--config", "tiny");
        var batch = Arguments.Int(args, "--batch", 8);
        var textLength = Arguments.Int(args, "--text-length", 16);
        var steps = Arguments.Int(args, "--steps", 10);
        var rounds = Arguments.Int(args, "--rounds", 3);
        set_num_threads(Arguments.Int(args, "--threads", 1));
        var config = SimVtpConfig.Preset(preset);
        using var official = new VtpPretrainSession(config, batch, textLength);
        using var fused = new VtpPretrainSession(config, batch, textLength, new SimVtpPretrainOptions { FusePasses = true });
        var (officialRuns, fusedRuns) = (new List<PretrainMeasurement>(), new List<PretrainMeasurement>());
        for (int round = 0; round < rounds; round++)
        {
            officialRuns.Add(official.Measure(round == 0 ? 2 : 0, steps));
            fusedRuns.Add(fused.Measure(round == 0 ? 2 : 0, steps));
        }
        var (a, b) = (PretrainMeasurement.Combine(officialRuns), PretrainMeasurement.Combine(fusedRuns));
        Console.WriteLine($"Vtp pretraining step, config {preset}, batch {batch}, text length {textLength}, {rounds} round(s) of {steps} steps");
        Console.WriteLine($"official (4 encoder calls)   best {a.Step.BestMs,8:F1} ms  median {a.Step.MedianMs,8:F1} ms  forward {a.ForwardMs,7:F1}  backward {a.BackwardMs,7:F1}");
        Console.WriteLine($"fused (joint + VTM as one)   best {b.Step.BestMs,8:F1} ms  median {b.Step.MedianMs,8:F1} ms  forward {b.ForwardMs,7:F1}  backward {b.BackwardMs,7:F1}");
        Console.WriteLine($"official/fused time ratio: best {a.Step.BestMs / b.Step.BestMs:F3}, median {a.Step.MedianMs / b.Step.MedianMs:F3} (above 1: fusing is faster)");
        return 0;
    }
}
