// One pretraining step measured the same way on both sides: Vtp in this process (or a child process, for its own
// peak memory) and reference/bench_pretrain.py, with phase times, page faults and peak memory.
using System.Diagnostics;
using System.Text.Json;
using Vtp.Modeling;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>Step times (best and median), phase medians, minor page faults per step and peak resident memory.</summary>
internal sealed record PretrainMeasurement(StepTimes Step, double ForwardMs, double BackwardMs, double OptimizerMs, double FaultsPerStep, double PeakRssMb)
{
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, double>
    {
        ["best_ms"] = Step.BestMs, ["median_ms"] = Step.MedianMs, ["forward_ms"] = ForwardMs, ["backward_ms"] = BackwardMs,
        ["optimizer_ms"] = OptimizerMs, ["faults_per_step"] = FaultsPerStep, ["peak_rss_mb"] = PeakRssMb,
    });

    public static PretrainMeasurement FromJson(JsonElement e) => new(
        new StepTimes(e.GetProperty("best_ms").GetDouble(), e.GetProperty("median_ms").GetDouble()),
        e.GetProperty("forward_ms").GetDouble(), e.GetProperty("backward_ms").GetDouble(), e.GetProperty("optimizer_ms").GetDouble(),
        e.GetProperty("faults_per_step").GetDouble(), e.GetProperty("peak_rss_mb").GetDouble());

    /// <summary>Best of the bests, median of the medians, and the largest peak: several runs of one point.</summary>
    public static PretrainMeasurement Combine(IReadOnlyList<PretrainMeasurement> runs) => new(
        new StepTimes(runs.Min(r => r.Step.BestMs), StepTimer.Median(runs.Select(r => r.Step.MedianMs))),
        StepTimer.Median(runs.Select(r => r.ForwardMs)), StepTimer.Median(runs.Select(r => r.BackwardMs)),
        StepTimer.Median(runs.Select(r => r.OptimizerMs)), StepTimer.Median(runs.Select(r => r.FaultsPerStep)),
        runs.Max(r => r.PeakRssMb));
}

/// <summary>A Vtp pretraining model, its AdamW and one synthetic batch, ready to time steps.</summary>
internal sealed class VtpPretrainSession : IDisposable
{
    private readonly SimVtpPretrainModel model;
    private readonly optim.Optimizer optimizer;
    private readonly SyntheticBatch batch;

    public VtpPretrainSession(SimVtpConfig config, int batch, int textLength, SimVtpPretrainOptions? options = null)
    {
        manual_seed(0);
        model = new SimVtpPretrainModel(config, options);
        optimizer = optim.AdamW(ParameterGroups.For(model, 0.05), lr: 1e-4, beta1: 0.9, beta2: 0.95);
        this.batch = SyntheticBatch.Create(config, batch, textLength, new Random(0));
        model.train();
    }

    /// <summary>Times <paramref name="steps"/> steps after <paramref name="warmup"/> untimed ones.</summary>
    public PretrainMeasurement Measure(int warmup, int steps)
    {
        var phases = new List<(double Forward, double Backward, double Optimizer, double Total)>();
        long faults = 0;
        for (int step = 0; step < warmup + steps; step++)
        {
            if (step == warmup) faults = StepTimer.MinorFaults();
            using var scope = NewDisposeScope();
            var start = Stopwatch.GetTimestamp();
            optimizer.zero_grad();
            using var output = model.Forward(batch.Inputs);
            var forward = Stopwatch.GetTimestamp();
            output.LossTotal.backward();
            var backward = Stopwatch.GetTimestamp();
            optimizer.step();
            var end = Stopwatch.GetTimestamp();
            if (step >= warmup)
                phases.Add((Ms(start, forward), Ms(forward, backward), Ms(backward, end), Ms(start, end)));
        }
        var faultsPerStep = (StepTimer.MinorFaults() - faults) / (double)steps;
        return new PretrainMeasurement(new StepTimes(phases.Min(p => p.Total), StepTimer.Median(phases.Select(p => p.Total))),
            StepTimer.Median(phases.Select(p => p.Forward)), StepTimer.Median(phases.Select(p => p.Backward)),
            StepTimer.Median(phases.Select(p => p.Optimizer)), faultsPerStep, StepTimer.PeakResidentMb());
    }

    public void Dispose()
    {
        var inputs = batch.Inputs;
        foreach (var t in new[] { inputs.Video, inputs.BoolMaskedPos, inputs.InputIds, inputs.AttentionMask, inputs.MlmLabels, batch.InputIdsUnmasked })
            t.Dispose();
        inputs.VtmNegIndex?.Dispose();
        optimizer.Dispose();
        model.Dispose();
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}

internal static class PretrainStepRunner
{
    /// <summary>Writes the config where the PyTorch peer reads it; returns the path.</summary>
    public static string WriteConfig(SimVtpConfig config)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vtp-bench-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, config.ToJson());
        return path;
    }

    /// <summary>reference/bench_pretrain.py on the same config and batch shape.</summary>
    public static PretrainMeasurement Peer(string configPath, int batch, int textLength, int steps, int threads) =>
        PretrainMeasurement.FromJson(StepTimer.RunPeer("bench_pretrain.py", threads, "--config", configPath, "--batch", $"{batch}",
            "--text-length", $"{textLength}", "--steps", $"{steps}"));

    /// <summary>Vtp in a child process of this benchmark (pretrain-step --vtp-json), so its peak memory is its own.</summary>
    public static PretrainMeasurement VtpChild(string preset, int frames, int batch, int textLength, int steps, int threads)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var a in new[] { typeof(PretrainStepRunner).Assembly.Location, "pretrain-step", "--vtp-json", "--config", preset,
                     "--frames", $"{frames}", "--batch", $"{batch}", "--text-length", $"{textLength}", "--steps", $"{steps}",
                     "--threads", $"{threads}" })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the Vtp child benchmark failed with exit code {process.ExitCode}.");
        return PretrainMeasurement.FromJson(JsonDocument.Parse(output).RootElement);
    }

    /// <summary>The preset with another frame count (0 keeps the preset's).</summary>
    public static SimVtpConfig Config(string preset, int frames) =>
        frames == 0 ? SimVtpConfig.Preset(preset) : (SimVtpConfig.Preset(preset) with { NumFrames = frames }).Validate();
}
