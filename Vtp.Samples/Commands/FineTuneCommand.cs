using System.CommandLine;
using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Samples.Cli;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp finetune</c>: retrieval fine-tuning of the dual encoder (SimVtpFineTuneEstimator), written as a model package.</summary>
internal static class FineTuneCommand
{
    public static Command Create(CommandRunner runner) => TrainerCommand.Create<SimVtpFineTuneEstimator.Options, SimVtpEmbeddingTransformer>(runner,
        "finetune", "Fine-tune a SimVTP dual encoder for text-to-video retrieval, from a pretrained package, official SimVTP weights or scratch", "Fine-tuning",
        binder =>
        {
            binder.AddWithoutDefault<string>("--pretrained", "Start from this pretrain package (from 'vtp pretrain'); it brings its config and vocabulary",
                (o, path) => o.Pretrained = File.Exists(path) ? PretrainedWeights.FromPackage(path) : throw CliException.MissingFile(path, "Pretrained package"));
            // Bound after --preset and --config (the shared options come first), which size the model instead of a package's config.
            binder.AddWithoutDefault<string>("--pretrained-weights",
                "Start from official SimVTP weights (.pth from torch.save, or .safetensors) for the --preset/--config model (the release: --preset base), with BERT's vocabulary",
                (o, path) =>
                {
                    if (o.Pretrained is not null)
                        throw new CliException(ExitCodes.Usage, "Give --pretrained or --pretrained-weights, not both.", "Run 'vtp finetune --help' for the options.");
                    if (!File.Exists(path)) throw CliException.MissingFile(path, "Pretrained weights");
                    (o.Pretrained, o.Config) = (PretrainedWeights.FromCheckpoint(path, o.Config ?? SimVtpConfig.Preset(o.Preset)), null);
                });
            binder.Add("--drop-path", "Stochastic depth rate of each tower's last block", o => o.DropPathRate, (o, v) => o.DropPathRate = v);
        },
        (context, options, data) => context.Vtp().FineTune(options).Fit(data),
        transformer => new TrainedModel(transformer.Training, transformer.Validation, transformer.Save),
        "vtp finetune demo/train.csv --pretrained pretrained.zip --out model.zip --batch-size 32 --lr 8e-3 --epochs 8 --drop-path 0",
        "vtp finetune demo/train.csv --validation demo/test.csv --out model.zip --preset tiny --vocabulary LearnFromCaptions --max-steps 50",
        "vtp finetune msrvtt/train.csv --pretrained-weights simvtp-pretrain.pth --preset base --out model.zip");
}
