// Timing of repeated steps, and running the PyTorch peer scripts of reference/.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Vtp.Benchmarks;

internal readonly record struct StepTimes(double BestMs, double MedianMs);

internal static class StepTimer
{
    /// <summary>Runs <paramref name="step"/> warmup + steps times and returns the best and median of the timed steps.</summary>
    public static StepTimes Measure(int warmup, int steps, Action step)
    {
        var times = new List<double>();
        for (int i = 0; i < warmup + steps; i++)
        {
            var clock = Stopwatch.StartNew();
            step();
            if (i >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new StepTimes(times.Min(), Median(times));
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var half = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /// <summary>Runs reference/<paramref name="script"/> with Debian's python3-torch and returns its JSON line.</summary>
    public static JsonElement RunPeer(string script, int threads, params string[] args)
    {
        var path = Path.Combine(Arguments.RepositoryRoot, "reference", script);
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, Environment = { ["VTP_REFERENCE_THREADS"] = threads.ToString(CultureInfo.InvariantCulture) } };
        info.ArgumentList.Add(path);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{path} failed with exit code {process.ExitCode}.");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    public static StepTimes Times(JsonElement peer) => new(peer.GetProperty("best_ms").GetDouble(), peer.GetProperty("median_ms").GetDouble());

    /// <summary>Minor page faults of this process so far (/proc/self/stat, field 10).</summary>
    public static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7], CultureInfo.InvariantCulture);
    }

    /// <summary>Peak resident memory of this process in MiB (VmHWM).</summary>
    public static double PeakResidentMb() =>
        double.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) / 1024;
}
