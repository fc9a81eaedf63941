// One tiny SimVTP pretrained on the demo world per test run, with the loss history of its run.
using Vtp.IO;
using Vtp.Modeling;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Tests.Learning;

internal sealed class PretrainedDemoModel
{
    private static readonly Lazy<PretrainedDemoModel> Shared = new(() => new PretrainedDemoModel());

    public static PretrainedDemoModel Instance => Shared.Value;

    /// <summary>The budget of the learning tests: 8 epochs of 480 clips at batch 32, each clip decoded once.</summary>
    public static TrainingOptions Options => TrainingOptions.Pretraining with
    {
        BatchSize = 32, Epochs = 40, BaseLearningRate = 8e-3, BaseMinLearningRate = 8e-5, Seed = 5, ReuseClips = true,
    };

    private PretrainedDemoModel()
    {
        var world = DemoWorld.Instance;
        manual_seed(0);
        using var model = new SimVtpPretrainModel(world.Config);
        var history = new List<TrainingProgress>();
        SimVtpPretraining.Run(model, world.Tokenizer, world.Train, Options, progress: new SynchronousProgress(history.Add));
        History = history;
        WeightsPath = Path.Combine(world.Directory, "pretrained.safetensors");
        SafeTensors.Save(WeightsPath, model.state_dict());
    }

    public IReadOnlyList<TrainingProgress> History { get; }

    /// <summary>The pretrained state dict (official names).</summary>
    public string WeightsPath { get; }

    /// <summary>A fresh model holding the pretrained weights, in eval mode.</summary>
    public SimVtpPretrainModel Load()
    {
        var model = new SimVtpPretrainModel(DemoWorld.Instance.Config);
        var weights = SafeTensors.Load(WeightsPath);
        model.load_state_dict(weights.Tensors);
        foreach (var t in weights.Tensors.Values) t.Dispose();
        model.eval();
        return model;
    }

    /// <summary>Reports on the training thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
