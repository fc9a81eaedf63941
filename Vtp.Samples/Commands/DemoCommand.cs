using System.CommandLine;
using Vtp.Samples.Cli;
using Vtp.Samples.Demo;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp</c> with no command: the demo (<see cref="DemoRunner"/>), with a few of its settings as options.</summary>
internal static class DemoCommand
{
    /// <summary>Adds the demo's options to the root command and makes the demo its action.</summary>
    public static void Configure(RootCommand root, CommandRunner runner)
    {
        var quickPreset = DemoOptions.Quick();
        var quick = new Option<bool>("--quick")
        {
            Description = $"The one-minute version: {quickPreset.TrainClips} training and {quickPreset.TestClips} held-out clips, " +
                $"{quickPreset.PretrainEpochs} pretraining and {quickPreset.FineTuneEpochs} fine-tuning epochs, output in {quickPreset.OutputDirectory}",
        };
        var binder = new OptionBinder<DemoOptions>(new DemoOptions());
        binder.Add("--data", "Folder of the demo data (generated when missing)", o => o.DataDirectory, (o, v) => o.DataDirectory = v);
        binder.Add("--out", "Folder of the model package and embeddings", o => o.OutputDirectory, (o, v) => o.OutputDirectory = v);
        binder.Add("--train-clips", "Training clips used", o => o.TrainClips, (o, v) => o.TrainClips = v);
        binder.Add("--test-clips", "Held-out clips searched", o => o.TestClips, (o, v) => o.TestClips = v);
        binder.Add("--pretrain-epochs", "Pretraining epochs (0: fine-tune from scratch)", o => o.PretrainEpochs, (o, v) => o.PretrainEpochs = v);
        binder.Add("--finetune-epochs", "Fine-tuning epochs", o => o.FineTuneEpochs, (o, v) => o.FineTuneEpochs = v);
        binder.Add("--seed", "Seed of the initialisation and of training", o => o.Seed, (o, v) => o.Seed = v);
        root.Add(quick);
        binder.AddTo(root);
        runner.Handle(root, (parse, io) =>
        {
            var options = binder.Apply(parse, parse.GetValue(quick) ? DemoOptions.Quick() : new DemoOptions());
            try
            {
                var result = new DemoRunner(io, options).Run();
                return io.Result(result, () => DemoReport.Write(io.Out, result));
            }
            catch (OperationCanceledException)
            {
                throw new CliException(ExitCodes.Cancelled, $"Demo stopped; training done so far is kept in '{Path.Combine(options.OutputDirectory, "checkpoints")}'.",
                    "Run the same command again to resume where it stopped.");
            }
        },
            "vtp                 # the demo: data, pretraining, fine-tuning, metrics, example searches (a few minutes)",
            "vtp --quick         # about a minute",
            "vtp --data /tmp/shapes --out /tmp/shapes/run --pretrain-epochs 40",
            "vtp <command> --help");
    }
}
