namespace Vtp.Samples.Demo;

/// <summary>
/// Settings of the demo (<c>vtp</c> with no command), calibrated on 2 CPU cores: a tiny SimVTP (<c>SimVtpConfig.Tiny</c>
/// with a WordPiece vocabulary learned from the training captions) pretrained and then fine-tuned at batch 32 with a
/// peak learning rate of 8e-3 per 256 clips (1e-3 after scaling), each clip decoded once and reused every epoch.
/// </summary>
public sealed class DemoOptions
{
    /// <summary>Folder of the demo data (generated when train.csv or test.csv is missing). Default: "demo".</summary>
    public string DataDirectory = "demo";
    /// <summary>Folder of the model package, the embeddings and (while a run is interrupted) the checkpoints. Default: "demo/output".</summary>
    public string OutputDirectory = Path.Combine("demo", "output");
    /// <summary>Training clips used (the first ones of train.csv). Default: 480 (all).</summary>
    public int TrainClips = 480;
    /// <summary>Held-out clips embedded and searched (the first ones of test.csv). Default: 120 (all).</summary>
    public int TestClips = 120;
    /// <summary>Largest vocabulary learned from the training captions. Default: 128.</summary>
    public int VocabularySize = 128;
    /// <summary>Clips per optimizer step, in both phases. Default: 32.</summary>
    public int BatchSize = 32;
    /// <summary>Pretraining epochs. Default: 16.</summary>
    public int PretrainEpochs = 16;
    /// <summary>Fine-tuning epochs. Default: 8.</summary>
    public int FineTuneEpochs = 8;
    /// <summary>Peak learning rate per 256 clips, in both phases. Default: 8e-3.</summary>
    public double BaseLearningRate = 8e-3;
    /// <summary>Final learning rate per 256 clips, in both phases. Default: 8e-5.</summary>
    public double BaseMinLearningRate = 8e-5;
    /// <summary>Seed of the initialisation and of every random choice in training (the data has its own, DemoDataOptions.Seed). Default: 1.</summary>
    public int Seed = 1;
    /// <summary>Video decoding threads (one ffmpeg each). Default: 2.</summary>
    public int DecodeWorkers = 2;
    /// <summary>Example text-to-video searches printed at the end. Default: 4.</summary>
    public int ExampleSearches = 4;

    /// <summary>The one-minute version: a third of the clips, shorter pretraining, its own output folder.</summary>
    public static DemoOptions Quick() => new()
    {
        OutputDirectory = Path.Combine("demo", "output-quick"), TrainClips = 160, TestClips = 40, PretrainEpochs = 2, FineTuneEpochs = 8,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public DemoOptions Validate()
    {
        if (TrainClips < BatchSize || BatchSize < 2)
            throw new ArgumentException($"Need BatchSize >= 2 and TrainClips >= BatchSize; got batch size {BatchSize} and {TrainClips} training clips.");
        if (TestClips < 2 || PretrainEpochs < 0 || FineTuneEpochs < 1 || ExampleSearches < 0)
            throw new ArgumentException(
                $"Need TestClips >= 2, PretrainEpochs >= 0, FineTuneEpochs >= 1 and ExampleSearches >= 0; got {TestClips}, {PretrainEpochs}, {FineTuneEpochs}, {ExampleSearches}.");
        return this;
    }
}
