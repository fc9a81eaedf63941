// The paper's ablations on the demo world, one command: rows x seeds under one budget, the table written into a
// Markdown file (docs/ablations.md by default) between marker comments, leaving the hand-written text around it.
using System.Globalization;
using Vtp.Data;
using Vtp.Samples.Ablation;
using Vtp.Samples.DemoData;

namespace Vtp.Benchmarks;

/// <summary>
/// Runs <see cref="AblationRunner"/> on a freshly generated demo world (or the one in <c>--data</c>) and writes the
/// results. Arguments: <c>[--seeds 3] [--quick] [--out docs/ablations.md] [--rows official,text-15,...] [--data DIR]
/// [--pretrain-steps N] [--finetune-steps N]</c>.
/// </summary>
public static class AblationBenchmark
{
    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var defaults = quick ? AblationBudget.Quick : new AblationBudget();
        var budget = defaults with
        {
            PretrainSteps = Arguments.Int(args, "--pretrain-steps", defaults.PretrainSteps),
            FineTuneSteps = Arguments.Int(args, "--finetune-steps", defaults.FineTuneSteps),
        };
        var seeds = Enumerable.Range(1, Arguments.Int(args, "--seeds", quick ? 1 : 3)).ToList();
        var rowKeys = Arguments.String(args, "--rows", "");
        var rows = rowKeys.Length > 0 ? AblationRow.Select(rowKeys.Split(',')) : AblationRow.All;
        var output = Path.GetFullPath(Arguments.String(args, "--out", Path.Combine(Arguments.RepositoryRoot, "docs", "ablations.md")));
        var loadAtStart = LoadAverage();
        var (world, description, temporary) = LoadWorld(Arguments.String(args, "--data", ""));
        try
        {
            Console.WriteLine($"Ablation: {rows.Count} rows x {seeds.Count} seeds = {rows.Count * seeds.Count} runs; {budget.PretrainSteps} pretraining + " +
                $"{budget.FineTuneSteps} fine-tuning steps at batch {budget.BatchSize} each. Data: {description}.");
            var table = AblationRunner.Run(world, rows, seeds, budget, Print);
            Console.WriteLine($"Decode cache: {world.Cache.DecodeCount} decodes, {world.Cache.DecodeHits} reused; {world.Cache.ProbeCount} probes, {world.Cache.ProbeHits} reused.");
            var machine = $"{Environment.ProcessorCount} cores of {Processor()} ({Environment.OSVersion.VersionString}), load average {loadAtStart} at the start and {LoadAverage()} at the end";
            var command = "nice -n 10 dotnet run -c Release --project Vtp.Benchmarks -- ablation " + string.Join(' ', args);
            var results = AblationMarkdown.Results(table, new AblationRunInfo(command.TrimEnd(), DateTime.UtcNow, machine, description));
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, AblationMarkdown.Merge(File.Exists(output) ? File.ReadAllText(output) : null, results));
            Console.WriteLine($"Wrote {output}");
            return 0;
        }
        finally
        {
            if (temporary is not null) Directory.Delete(temporary, recursive: true);
        }
    }

    // The demo world: read from a folder holding train.csv and test.csv, or generated (seed 0, the demo's defaults) into a
    // temporary folder, returned for deletion.
    private static (AblationWorld World, string Description, string? Temporary) LoadWorld(string folder)
    {
        if (folder.Length > 0)
        {
            var train = VideoTextDataset.Read(Path.Combine(folder, "train.csv"));
            var test = VideoTextDataset.Read(Path.Combine(folder, "test.csv"));
            return (new AblationWorld(train, test), $"{folder}: {train.Count} training and {test.Count} held-out clips", null);
        }
        var options = new DemoDataOptions { OutputDirectory = Directory.CreateTempSubdirectory("vtp-ablation-").FullName };
        Console.WriteLine($"Generating the demo world (seed {options.Seed}) in {options.OutputDirectory}...");
        var summary = DemoDataGenerator.Generate(options);
        var world = new AblationWorld(VideoTextDataset.Read(summary.TrainCsv), VideoTextDataset.Read(summary.TestCsv));
        return (world, $"the demo world as `vtp generate` makes it (seed {options.Seed}): {summary.Train.Count} training and {summary.Test.Count} held-out clips " +
            $"of {options.Frames} frames at {options.Size} px, {options.HeldOutTriples} colour-shape-direction triples only in the held-out clips; " +
            $"model `tiny` ({world.Config.NumFrames} frames at {world.Config.ImageSize} px, vocabulary of {world.Tokenizer.Vocabulary.Count} tokens learned from the training captions)", options.OutputDirectory);
    }

    private static void Print(AblationProgress p)
    {
        var r = p.Result;
        var metrics = string.Join(", ", AblationMetric.All.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {r.Metrics[m.Key]:0.0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{p.Done}/{p.Total}] {r.Row.Key} seed {r.Seed}: {r.Seconds:0} s ({r.PretrainSteps} + {r.FineTuneSteps} steps) | {metrics} | elapsed {p.Elapsed:h\\:mm\\:ss}, ETA {p.Remaining:h\\:mm\\:ss}"));
    }

    private static string Processor() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
        : "unknown";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
