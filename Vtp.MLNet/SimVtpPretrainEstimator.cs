// SimVTP pretraining (masked video and caption autoencoding with VTC and VTM) as an ML.NET estimator.
using Microsoft.ML;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Training;

namespace Vtp.MLNet;

/// <summary>
/// Pretrains a SimVTP model from scratch on the (video path, caption[, start, end]) rows of the data: all four losses
/// (masked pixels, MLM, VTC, VTM) with AdamW and the official schedule. Fitting reads the path and caption columns
/// once, then streams and decodes the videos. Progress lines go to MLContext.Log (channel "SimVtpPretrain").
/// </summary>
public sealed class SimVtpPretrainEstimator : IEstimator<SimVtpPretrainTransformer>
{
    /// <summary>Options of <see cref="SimVtpPretrainEstimator"/>; the recipe defaults are the official pretraining ones.</summary>
    public sealed class Options : SimVtpTrainerOptions
    {
        /// <summary>Official pretraining defaults: batch 16, learning rate 1.5e-4 (min 1e-5) per 256 clips, 20% warmup.</summary>
        public Options() => UseRecipe(TrainingOptions.Pretraining);

        /// <summary>How each caption's VTM negative video is chosen. Default: <see cref="VtmNegativePolicy.Random"/> (official).</summary>
        public VtmNegativePolicy VtmNegatives = VtmNegativePolicy.Random;
    }

    private readonly MLContext context;
    private readonly Options options;

    /// <exception cref="ArgumentException">An option is invalid; the message names it and its value.</exception>
    internal SimVtpPretrainEstimator(MLContext context, Options options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        TrainerSetup.Validate(options, TrainingOptions.Pretraining, fromScratch: true);
        this.context = context;
        this.options = (Options)options.CloneOptions();
    }

    /// <summary>The transformer this estimator fitted last (what <see cref="PretrainedWeights.From(SimVtpPretrainEstimator)"/> uses).</summary>
    internal SimVtpPretrainTransformer? LastTransformer { get; private set; }

    /// <summary>Pretrains on <paramref name="input"/>. The schema is checked before anything is read or trained.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column (or a validation set column) is missing or of the wrong type.</exception>
    /// <exception cref="OperationCanceledException">The options' token was cancelled.</exception>
    public SimVtpPretrainTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (samples, validation) = TrainerSetup.ReadData(input, options);
        var seed = TrainerSetup.Seed(context, options);
        var device = TrainerSetup.Device(context, options);
        using var job = TrainerSetup.JoinJob(options, device);
        var training = TrainerSetup.ToTrainingOptions(options, TrainingOptions.Pretraining, seed, device) with { Collectives = job };
        var (config, tokenizer) = TrainerSetup.FromScratch(options, samples);
        var model = new SimVtpPretrainModel(config, new SimVtpPretrainOptions { InitSeed = seed, VtmNegatives = options.VtmNegatives });
        return TrainingHarness.Run(context, "SimVtpPretrain", options, training, model, config, tokenizer, samples.Count,
            validation is null ? null : () => ZeroShot(model, tokenizer, validation),
            progress => SimVtpPretraining.Run(model, tokenizer, samples, training, null, progress, options.CancellationToken),
            result => LastTransformer = new SimVtpPretrainTransformer(model, tokenizer, result.Run, result.Validation));
    }

    /// <summary>The input shape, unchanged (the fitted transformer passes its data through).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        TrainerSetup.Binding(options).Check(inputSchema, video: true, caption: true);
        return inputSchema;
    }

    // Zero-shot retrieval of the model so far: its encoder and text embeddings in a dual encoder (the fine-tuning mapping).
    private VtpRetrievalMetrics ZeroShot(SimVtpPretrainModel model, BertTokenizer tokenizer, IReadOnlyList<Vtp.Data.VideoTextSample> validation)
    {
        using var dual = new DualEncoder(model.Config, new DualEncoderOptions { DropPathRate = 0 });
        dual.LoadPretrained(model.named_parameters().ToDictionary(p => p.name, p => (TorchSharp.torch.Tensor)p.parameter), "the model being pretrained");
        return RetrievalValidation.Run(dual, tokenizer, validation, options.EmbeddingBatchSize, options.DecodeWorkers, options.CancellationToken);
    }
}
