using System.CommandLine;
using Microsoft.ML;
using Spectre.Console;
using Vtp.Distributed;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Samples.Data;
using Vtp.Training;

namespace Vtp.Samples.Commands;

/// <summary>What a training command reports.</summary>
/// <param name="Package">The model package written.</param>
/// <param name="Steps">Optimizer steps done.</param>
/// <param name="TotalSteps">Steps the run was to make.</param>
/// <param name="ResumedFromStep">The checkpointed step the run continued from (0: a fresh run).</param>
/// <param name="Losses">The last step's losses.</param>
/// <param name="Validation">Retrieval metrics on the validation file, per epoch (empty without one).</param>
/// <param name="Checkpoint">The last checkpoint written (null without a checkpoint folder).</param>
/// <param name="SkippedVideos">Unreadable videos left out (with --bad-videos SkipAndReport).</param>
/// <param name="Seconds">Wall-clock time of the training.</param>
public sealed record TrainingResult(string Package, long Steps, long TotalSteps, long ResumedFromStep, IReadOnlyDictionary<string, double>? Losses,
    IReadOnlyList<SimVtpValidationResult> Validation, string? Checkpoint, int SkippedVideos, double Seconds);

/// <summary>What a fitted trainer gives a training command: how the run ended, its validation scores and how to save it.</summary>
internal sealed record TrainedModel(TrainingRun? Run, IReadOnlyList<SimVtpValidationResult> Validation, Action<string> Save);

/// <summary>
/// <c>vtp pretrain</c> and <c>vtp finetune</c>: an annotation file in, an ML.NET trainer fitted under a progress bar, a
/// model package out. Options bind onto the trainer's options class. Ctrl+C stops within a step; with a checkpoint
/// folder the last step is kept there, and the same command resumes from it.
/// </summary>
internal static class TrainerCommand
{
    /// <summary>Creates a training command over <typeparamref name="TOptions"/>; <paramref name="addOwnOptions"/> adds the trainer's own options.</summary>
    public static Command Create<TOptions, TTransformer>(CommandRunner runner, string name, string description, string title,
        Action<OptionBinder<TOptions>> addOwnOptions, Func<MLContext, TOptions, IDataView, TTransformer> fit, Func<TTransformer, TrainedModel> trained,
        params string[] examples)
        where TOptions : SimVtpTrainerOptions, new() where TTransformer : IDisposable
    {
        var data = new Argument<string>("data") { Description = "Training annotations: CSV (video,caption[,start,end]), JSONL or SimVTP JSON" };
        var output = new Option<string>("--out") { Description = "Model package to write (.zip)", Required = true };
        var validation = new Option<string?>("--validation") { Description = "Held-out annotations scored with retrieval metrics after each epoch" };
        var processes = new Option<int>("--nproc") { Description = "Train data-parallel in this many local processes (docs/distributed.md)", DefaultValueFactory = _ => 1 };
        var command = new Command(name, description) { data, output, validation, processes };
        var binder = TrainerBindings.Create<TOptions>();
        addOwnOptions(binder);
        binder.AddTo(command);
        runner.Handle(command, (parse, io) =>
        {
            try
            {
                return Run(parse, io);
            }
            catch (ArgumentException error) when (binder.InOptionWords(error) is { } message)
            {
                throw new CliException(ExitCodes.Usage, message, $"Run 'vtp {name} --help' for the options and their defaults.");
            }
        }, examples);
        return command;

        int Run(ParseResult parse, CommandIO io)
        {
            var options = binder.Apply(parse, new TOptions());
            if (parse.GetValue(processes) is var count and not 1) return Launch(io, parse, count, options);
            options.Distributed ??= DistributedOptions.FromEnvironment();
            if (options.Distributed is { WorldSize: 1 }) options.Distributed = null;                // one process: no group
            var context = new MLContext(options.Seed);
            var input = Annotations.ToDataView(context, Annotations.Read(parse.GetValue(data)!));
            if (parse.GetValue(validation) is { } held) options.ValidationSet = Annotations.ToDataView(context, Annotations.Read(held));
            (options.StartColumnName, options.EndColumnName, options.CancellationToken) = (Annotations.StartColumn, Annotations.EndColumn, io.CancellationToken);
            return Fit(io, options, title, parse.GetValue(output)!, () => trained(fit(context, options, input)));
        }
    }

    // --nproc N: N local workers run this command as ranks 0..N-1.
    private static int Launch(CommandIO io, ParseResult parse, int count, SimVtpTrainerOptions options)
    {
        if (count < 1) throw new CliException(ExitCodes.Usage, $"--nproc must be at least 1, got {count}.", "Give the number of local worker processes.");
        if (options.Distributed is { } job && (job.Rank != 0 || job.WorldSize != 1))
            throw new CliException(ExitCodes.Usage, "--nproc starts its own ranks; it cannot be combined with --rank or --world-size.",
                "Use --nproc N on one machine, or --rank/--world-size/--master-addr for a job across machines.");
        var args = parse.Tokens.Select(t => t.Value).ToList();
        WithoutOption(args, "--nproc");
        var port = WithoutOption(args, "--master-port") ? options.Distributed?.MasterPort : null;   // the launcher passes it on
        // The cores are shared between the workers unless --threads says otherwise: libtorch would give each all of them.
        if (options.Threads is null) args.AddRange(["--threads", $"{Math.Max(1, Environment.ProcessorCount / count)}"]);
        return LocalLauncher.Run(io, args, count, port, (options.Distributed ?? new DistributedOptions()).Timeout);
    }

    // Removes "name value" or "name=value" from args; true when it was there.
    private static bool WithoutOption(List<string> args, string name)
    {
        var index = args.FindIndex(a => a == name || a.StartsWith(name + "=", StringComparison.Ordinal));
        if (index >= 0) args.RemoveRange(index, args[index] == name ? 2 : 1);
        return index >= 0;
    }

    private static int Fit<TOptions>(CommandIO io, TOptions options, string title, string package, Func<TrainedModel> fit) where TOptions : SimVtpTrainerOptions
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        PhaseBar? phase = null;
        try
        {
            var model = PhaseProgress.Run(io, title, 1, bar =>
            {
                phase = bar;
                options.Progress = bar.ForTraining();
                return fit();
            });
            var rank = options.Distributed?.Rank ?? 0;
            if (rank == 0) model.Save(package);                                          // one package per job: rank 0's
            var run = model.Run;
            var result = new TrainingResult(Paths.Relative(package), run?.Steps ?? 0, run?.TotalSteps ?? 0, run?.ResumedFromStep ?? 0, run?.Last?.Losses,
                model.Validation, run?.Checkpoint, run?.Skipped.Count ?? 0, clock.Elapsed.TotalSeconds);
            return io.Result(result, () => Print(io, result));
        }
        catch (OperationCanceledException) when (options.CheckpointDirectory is { } folder)
        {
            throw new CliException(ExitCodes.Cancelled, $"Stopped after step {phase?.LastStep?.Step ?? 0}; the checkpoint folder '{folder}' keeps the last step.",
                "Run the same command again to resume from it (or add --no-resume to start over).");
        }
    }

    private static void Print(CommandIO io, TrainingResult result)
    {
        var losses = result.Losses is null ? "" : " (last losses: " + string.Join(", ", result.Losses.Select(kv => $"{kv.Key} {kv.Value:0.000}")) + ")";
        var resumed = result.ResumedFromStep > 0 ? $" (resumed from the checkpoint of step {result.ResumedFromStep})" : "";
        io.Out.MarkupLineInterpolated($"Trained {result.Steps}/{result.TotalSteps} steps{resumed} in {result.Seconds:0.0} s{losses}.");
        foreach (var v in result.Validation) io.Out.MarkupLineInterpolated($"  validation after epoch {v.Epoch + 1} (step {v.Step}): {v.Metrics}");
        if (result.SkippedVideos > 0) io.Out.MarkupLineInterpolated($"[yellow]Skipped {result.SkippedVideos} unreadable videos.[/]");
        io.Out.MarkupLineInterpolated($"Model package: [bold]{result.Package}[/]");
    }
}
