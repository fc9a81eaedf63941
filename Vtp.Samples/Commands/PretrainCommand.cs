using System.CommandLine;
using Vtp.MLNet;
using Vtp.Samples.Cli;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp pretrain</c>: SimVTP pretraining from scratch (SimVtpPretrainEstimator), written as a "pretrain" model package.</summary>
internal static class PretrainCommand
{
    public static Command Create(CommandRunner runner) => TrainerCommand.Create<SimVtpPretrainEstimator.Options, SimVtpPretrainTransformer>(runner,
        "pretrain", "Pretrain a SimVTP model from scratch on videos and captions (masked video and text, VTC, VTM)", "Pretraining",
        binder => binder.Add("--vtm-negatives", "How each caption's VTM negative video is chosen: Random, or HardFromVtc", o => o.VtmNegatives,
            (o, v) => o.VtmNegatives = v),
        (context, options, data) => context.Vtp().Pretrain(options).Fit(data),
        transformer => new TrainedModel(transformer.Training, transformer.Validation, transformer.Save),
        "vtp pretrain demo/train.csv --out pretrained.zip --preset tiny --vocabulary LearnFromCaptions --batch-size 32 --lr 8e-3 --epochs 8",
        "vtp pretrain data.csv --out pretrained.zip --checkpoints ckpt/pretrain   # Ctrl+C keeps the last step; run again to resume");
}
