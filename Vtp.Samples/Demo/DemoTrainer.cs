using TorchSharp;
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Samples.Cli;
using Vtp.Text;
using Vtp.Training;

namespace Vtp.Samples.Demo;

/// <summary>
/// The demo's two training phases with Vtp.Model's runners and the calibrated settings of <see cref="DemoOptions"/>:
/// each clip decoded once and reused every epoch, checkpoints in a folder so that an interrupted demo resumes.
/// </summary>
internal sealed class DemoTrainer(CommandIO io, DemoOptions options, string checkpointFolder)
{
    /// <summary>Pretrains a new model (or resumes one), under a progress bar; the caller disposes it.</summary>
    public (SimVtpPretrainModel Model, TrainingRun Run) Pretrain(SimVtpConfig config, BertTokenizer tokenizer, IReadOnlyList<VideoTextSample> train) =>
        Train(new SimVtpPretrainModel(config, new SimVtpPretrainOptions { InitSeed = options.Seed }), model =>
        {
            var recipe = Recipe(TrainingOptions.Pretraining, "pretrain", options.PretrainEpochs, options.Seed);
            return PhaseProgress.Run(io, "Pretraining", Steps(recipe, train.Count),
                bar => SimVtpPretraining.Run(model, tokenizer, train, recipe, progress: bar.ForTraining(), cancellationToken: io.CancellationToken));
        });

    /// <summary>Fine-tunes a dual encoder from <paramref name="pretrained"/> (or from scratch when null), under a progress bar.</summary>
    public (DualEncoder Model, TrainingRun Run) FineTune(SimVtpConfig config, BertTokenizer tokenizer, IReadOnlyList<VideoTextSample> train,
        SimVtpPretrainModel? pretrained) =>
        Train(new DualEncoder(config, new DualEncoderOptions { DropPathRate = 0, InitSeed = options.Seed + 1 }), model =>
        {
            if (pretrained is not null)
                model.LoadPretrained(pretrained.named_parameters().ToDictionary(p => p.name, p => (torch.Tensor)p.parameter), "the demo's pretrained model");
            var recipe = Recipe(TrainingOptions.FineTuning, "finetune", options.FineTuneEpochs, options.Seed + 1);
            return PhaseProgress.Run(io, "Fine-tuning", Steps(recipe, train.Count),
                bar => SimVtpFineTuning.Run(model, tokenizer, train, recipe, progress: bar.ForTraining(), cancellationToken: io.CancellationToken));
        });

    // Runs the training of a new model; the model is disposed if training fails, else returned to the caller.
    private static (TModel Model, TrainingRun Run) Train<TModel>(TModel model, Func<TModel, TrainingRun> train) where TModel : IDisposable
    {
        try
        {
            return (model, train(model));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    // The official recipe with the demo's batch, epochs and learning rates; its own seed and checkpoint folder per phase.
    private TrainingOptions Recipe(TrainingOptions official, string phase, int epochs, int seed) => official with
    {
        BatchSize = options.BatchSize, Epochs = epochs, BaseLearningRate = options.BaseLearningRate, BaseMinLearningRate = options.BaseMinLearningRate,
        Seed = seed, DecodeWorkers = options.DecodeWorkers, ReuseClips = true,
        CheckpointDirectory = Path.Combine(checkpointFolder, phase),
    };

    private static long Steps(TrainingOptions recipe, int clips) => clips / (recipe.BatchSize * recipe.AccumulationSteps) * recipe.Epochs;
}
