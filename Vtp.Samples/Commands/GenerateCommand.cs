using System.CommandLine;
using Spectre.Console;
using Vtp.Samples.Cli;
using Vtp.Samples.Demo;
using Vtp.Samples.DemoData;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp generate</c>: the demo world of captioned moving shapes (DemoDataGenerator).</summary>
internal static class GenerateCommand
{
    /// <summary>What was generated.</summary>
    public sealed record Result(string Folder, string TrainCsv, string TestCsv, int TrainClips, int TestClips, IReadOnlyList<string> HeldOut, double Seconds);

    public static Command Create(CommandRunner runner)
    {
        var defaults = new DemoDataOptions { OutputDirectory = new DemoOptions().DataDirectory };
        var folder = Option("--out", "Folder that receives train.csv, test.csv and videos/", defaults.OutputDirectory);
        var train = Option("--train-clips", "Training clips", defaults.TrainClips);
        var test = Option("--test-clips", "Test clips", defaults.TestClips);
        var frames = Option("--frames", "Frames per clip", defaults.Frames);
        var size = Option("--size", "Frame side in pixels (even)", defaults.Size);
        var heldOut = Option("--held-out", "Colour-shape-direction triples seen only in test clips (of 72)", defaults.HeldOutTriples);
        var twoObjects = Option("--two-object-fraction", "Share of clips showing two objects", defaults.TwoObjectFraction);
        var seed = Option("--seed", "Seed of the split, the captions and the positions", defaults.Seed);
        var command = new Command("generate", "Generate the demo data: short H.264 clips of coloured shapes moving, captioned, with a held-out test split")
        {
            folder, train, test, frames, size, heldOut, twoObjects, seed,
        };
        runner.Handle(command, (parse, io) =>
        {
            var options = new DemoDataOptions
            {
                OutputDirectory = parse.GetValue(folder)!, TrainClips = parse.GetValue(train), TestClips = parse.GetValue(test),
                Frames = parse.GetValue(frames), Size = parse.GetValue(size), HeldOutTriples = parse.GetValue(heldOut),
                TwoObjectFraction = parse.GetValue(twoObjects), Seed = parse.GetValue(seed),
            };
            var summary = Generate(io, options);
            var result = new Result(Paths.Relative(summary.OutputDirectory), Paths.Relative(summary.TrainCsv), Paths.Relative(summary.TestCsv), summary.Train.Count,
                summary.Test.Count, summary.HeldOutTriples.Select(t => $"{t.Colour} {t.Shape} {t.Direction}".ToLowerInvariant()).ToList(), summary.Elapsed.TotalSeconds);
            return io.Result(result, () => io.Out.MarkupLineInterpolated(
                $"Wrote {result.TrainClips} training and {result.TestClips} test clips to [bold]{result.Folder}[/] ({result.TrainCsv}, {result.TestCsv}) in {result.Seconds:0.0} s."));
        },
            "vtp generate",
            "vtp generate --out data/shapes --train-clips 960 --seed 7");
        return command;
    }

    /// <summary>Generates the data under a progress bar.</summary>
    public static DemoDataSummary Generate(CommandIO io, DemoDataOptions options) =>
        PhaseProgress.Run(io, "Generating demo clips", options.TrainClips + options.TestClips, bar => DemoDataGenerator.Generate(options,
            new SynchronousProgress<DemoDataProgress>(p => bar.Report(p.Completed, p.Total)), io.CancellationToken));

    private static Option<T> Option<T>(string name, string description, T defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };
}
