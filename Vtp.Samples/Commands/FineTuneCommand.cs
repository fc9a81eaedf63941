using System.CommandLine;
using Vtp.MLNet;
using Vtp.Samples.Cli;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp finetune</c>: retrieval fine-tuning of the dual encoder (SimVtpFineTuneEstimator), written as a model package.</summary>
internal static class FineTuneCommand
{
    public static Command Create(CommandRunner runner) => TrainerCommand.Create<SimVtpFineTuneEstimator.Options, SimVtpEmbeddingTransformer>(runner,
        "finetune", "Fine-tune a SimVTP dual encoder for text-to-video retrieval, from a pretrained package or from scratch", "Fine-tuning",
        binder =>
        {
            binder.AddWithoutDefault<string>("--pretrained", "Start from this pretrain package (from 'vtp pretrain'); it brings its config and vocabulary",
                (o, path) => o.Pretrained = File.Exists(path) ? PretrainedWeights.FromPackage(path) : throw CliException.MissingFile(path, "Pretrained package"));
            binder.Add("--drop-path", "Stochastic depth rate of each tower's last block", o => o.DropPathRate, (o, v) => o.DropPathRate = v);
        },
        (context, options, data) => context.Vtp().FineTune(options).Fit(data),
        transformer => new TrainedModel(transformer.Training, transformer.Validation, transformer.Save),
        "vtp finetune demo/train.csv --pretrained pretrained.zip --out model.zip --batch-size 32 --lr 8e-3 --epochs 8 --drop-path 0",
        "vtp finetune demo/train.csv --validation demo/test.csv --out model.zip --preset tiny --vocabulary LearnFromCaptions --max-steps 50");
}
