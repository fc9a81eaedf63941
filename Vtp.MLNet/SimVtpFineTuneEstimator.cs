// SimVTP retrieval fine-tuning (dual encoder, in-batch contrastive loss) as an ML.NET estimator.
using Microsoft.ML;
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Training;

namespace Vtp.MLNet;

/// <summary>
/// Fine-tunes a SimVTP dual encoder for text-to-video retrieval on (video path, caption[, start, end]) rows, starting
/// from <see cref="Options.Pretrained"/> weights (the official mapping: the encoder and text embeddings into both
/// towers) or from scratch. The fitted <see cref="SimVtpEmbeddingTransformer"/> appends video and caption embedding
/// columns. Progress lines go to MLContext.Log (channel "SimVtpFineTune").
/// </summary>
public sealed class SimVtpFineTuneEstimator : IEstimator<SimVtpEmbeddingTransformer>
{
    /// <summary>Options of <see cref="SimVtpFineTuneEstimator"/>; the recipe defaults are the official fine-tuning ones.</summary>
    public sealed class Options : SimVtpTrainerOptions
    {
        /// <summary>Official fine-tuning defaults: batch 8, learning rate 3e-4 (min 1e-6) per 256 clips, 5% warmup.</summary>
        public Options() => UseRecipe(TrainingOptions.FineTuning);

        /// <summary>Output column of video embeddings (Vector&lt;Single, C_e&gt;, unit length); null: not produced. Default: "VideoEmbedding".</summary>
        public string? VideoEmbeddingColumnName = "VideoEmbedding";
        /// <summary>Output column of caption embeddings (Vector&lt;Single, C_e&gt;, unit length); null: not produced. Default: "TextEmbedding".</summary>
        public string? TextEmbeddingColumnName = "TextEmbedding";
        /// <summary>Starting weights, with their config and vocabulary (then <see cref="SimVtpTrainerOptions.Config"/> must be null and
        /// Preset and Vocabulary are not used); null: from scratch. Default: null.</summary>
        public PretrainedWeights? Pretrained;
        /// <summary>Stochastic depth rate of each tower's last block. Default: 0.1 (official).</summary>
        public double DropPathRate = 0.1;

        internal EmbeddingSettings ToSettings() => EmbeddingSettings.Create(TrainerSetup.Binding(this), VideoEmbeddingColumnName,
            TextEmbeddingColumnName, EmbeddingBatchSize, DecodeWorkers);
    }

    private readonly MLContext context;
    private readonly Options options;
    private readonly EmbeddingSettings settings;

    /// <exception cref="ArgumentException">An option is invalid; the message names it and its value.</exception>
    internal SimVtpFineTuneEstimator(MLContext context, Options options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Pretrained is not null && options.Config is not null)
            throw new ArgumentException($"Set either {nameof(options.Config)} (from scratch) or {nameof(options.Pretrained)}, not both: pretrained " +
                "weights bring their own config.", nameof(options));
        if (options.DropPathRate is < 0 or >= 1)
            throw new ArgumentException($"{nameof(options.DropPathRate)} must be in [0, 1), got {options.DropPathRate}.", nameof(options));
        TrainerSetup.Validate(options, TrainingOptions.FineTuning, fromScratch: options.Pretrained is null);
        this.context = context;
        this.options = (Options)options.CloneOptions();
        settings = options.ToSettings();
    }

    /// <summary>Fine-tunes on <paramref name="input"/>. The schema is checked before anything is read or trained.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column (or a validation set column) is missing or of the wrong type.</exception>
    /// <exception cref="InvalidOperationException">The pretrained weights come from a pretraining estimator that was not fitted.</exception>
    /// <exception cref="OperationCanceledException">The options' token was cancelled.</exception>
    public SimVtpEmbeddingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (samples, validation) = TrainerSetup.ReadData(input, options);
        var seed = TrainerSetup.Seed(context, options);
        var device = TrainerSetup.Device(context, options);
        using var job = TrainerSetup.JoinJob(options, device);
        var training = TrainerSetup.ToTrainingOptions(options, TrainingOptions.FineTuning, seed, device) with { Collectives = job };
        var model = CreateModel(samples, seed, out var tokenizer);
        return TrainingHarness.Run(context, "SimVtpFineTune", options, training, model, model.Config, tokenizer, samples.Count,
            validation is null ? null : () => RetrievalValidation.Run(model, tokenizer, validation, options.EmbeddingBatchSize, options.DecodeWorkers,
                options.CancellationToken),
            progress => SimVtpFineTuning.Run(model, tokenizer, samples, training, null, progress, options.CancellationToken),
            result => new SimVtpEmbeddingTransformer(new SimVtpRetrievalModel(model, tokenizer), settings, ownsModel: true, result.Run, result.Validation));
    }

    /// <summary>The input shape with the embedding columns (known-size Single vectors) appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        TrainerSetup.Binding(options).Check(inputSchema, video: true, caption: true);
        return SimVtpEmbeddingEstimator.EmbeddingShape(inputSchema, settings);
    }

    // The dual encoder with the pretrained weights loaded, or freshly initialised with the options' size and vocabulary.
    private DualEncoder CreateModel(IReadOnlyList<VideoTextSample> samples, int seed, out Vtp.Text.BertTokenizer tokenizer)
    {
        var towers = new DualEncoderOptions { DropPathRate = options.DropPathRate, InitSeed = seed };
        if (options.Pretrained is null)
        {
            (var config, tokenizer) = TrainerSetup.FromScratch(options, samples);
            return new DualEncoder(config, towers);
        }
        using var pretrained = options.Pretrained.Resolve();
        tokenizer = pretrained.Tokenizer;
        var model = new DualEncoder(pretrained.Config, towers);
        try
        {
            model.LoadPretrained(pretrained.Weights, pretrained.Source);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
