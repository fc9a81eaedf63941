// Port of SimVTP modeling_finetune.py: the retrieval dual encoder (two untied copies of the encoder), and the loss of
// engine_for_finetuning.py (NormSoftmaxLoss over cosine similarities, in-batch negatives).
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Options of <see cref="DualEncoder"/>; the defaults are the official fine-tuning ones.</summary>
public sealed record DualEncoderOptions
{
    /// <summary>Stochastic-depth rate of the last block of each tower (default 0.1, the official fine-tuning rate).</summary>
    public double DropPathRate { get; init; } = 0.1;

    /// <summary>Seed of the random initialisation used before any checkpoint is loaded (default 0).</summary>
    public long InitSeed { get; init; }

    /// <summary>Seed of the drop-path draws; null (default) uses libtorch's default generator (torch.manual_seed).</summary>
    public long? DropPathSeed { get; init; }
}

/// <summary>
/// Text-to-video retrieval model: video_encoder embeds videos, text_encoder embeds captions, cosine similarity ranks.
/// Built from a pretraining checkpoint with <see cref="LoadPretrained"/> (the official key mapping).
/// </summary>
public sealed class DualEncoder : nn.Module
{
    private readonly RetrievalEncoder video_encoder;
    private readonly RetrievalEncoder text_encoder;
    private readonly SimVtpConfig config;
    private readonly Generator? dropPathGenerator;

    /// <param name="config">Sizes (the pretraining config); validated.</param>
    /// <param name="options">Drop path and seeds; null gives the official defaults.</param>
    public DualEncoder(SimVtpConfig config, DualEncoderOptions? options = null) : base(nameof(DualEncoder))
    {
        this.config = config.Validate();
        options ??= new DualEncoderOptions();
        dropPathGenerator = options.DropPathSeed is { } seed ? new Generator((ulong)seed) : null;
        video_encoder = new RetrievalEncoder(config, options.DropPathRate, dropPathGenerator);
        text_encoder = new RetrievalEncoder(config, options.DropPathRate, dropPathGenerator);
        RegisterComponents();
        using var initGenerator = new Generator((ulong)options.InitSeed);
        SimVtpInit.Initialize(this, initGenerator);
    }

    /// <summary>The config the model was built for.</summary>
    public SimVtpConfig Config => config;

    /// <summary>The video tower.</summary>
    public RetrievalEncoder VideoEncoder => video_encoder;

    /// <summary>The text tower.</summary>
    public RetrievalEncoder TextEncoder => text_encoder;

    /// <summary>Raw pooled video features (fc_norm output): [B, 3, T, H, W] -> [B, C_e].</summary>
    public Tensor VideoFeatures(Tensor video) => video_encoder.PoolVideo(video);

    /// <summary>Raw pooled caption features (fc_norm output): input_ids [B, L], attention_mask [B, L] -> [B, C_e].</summary>
    public Tensor TextFeatures(Tensor input_ids, Tensor attention_mask) => text_encoder.PoolText(input_ids, attention_mask);

    /// <summary>L2-normalised video embeddings for retrieval: [B, 3, T, H, W] -> [B, C_e].</summary>
    public Tensor EmbedVideo(Tensor video) => UnitRows(VideoFeatures(video));

    /// <summary>L2-normalised caption embeddings for retrieval: [B, L] ids and mask -> [B, C_e].</summary>
    public Tensor EmbedText(Tensor input_ids, Tensor attention_mask) => UnitRows(TextFeatures(input_ids, attention_mask));

    /// <summary>NormSoftmaxLoss (tau = vtc_temperature) on cos(text, video) of a batch of matching pairs:
    /// video features [B, C_e] and text features [B, C_e] -> [].</summary>
    public Tensor RetrievalLoss(Tensor videoFeatures, Tensor textFeatures)
    {
        using var scope = NewDisposeScope();
        var similarity = NormSoftmaxLoss.Similarity(textFeatures, videoFeatures);           // [B, B]
        return NormSoftmaxLoss.Compute(similarity, config.VtcTemperature).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Loads a pretraining state dict with the official mapping: encoder.X to both towers (encoder.norm dropped),
    /// text_embeddings.X to both towers; decoder, heads and mask_token are dropped and fc_norm keeps (1, 0).
    /// </summary>
    /// <exception cref="ArgumentException">Keys are missing or shapes differ (e.g. another config); the message names them.</exception>
    public void LoadPretrained(IReadOnlyDictionary<string, Tensor> pretrainStateDict, string source)
    {
        var mapped = SimVtpCheckpoint.ToDualEncoder(pretrainStateDict);
        SimVtpCheckpoint.LoadExact(this, mapped, source, SimVtpCheckpoint.FcNormKeys);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters().Where(p => p.name.Contains(".fc_norm.")))
            if (name.EndsWith(".weight", StringComparison.Ordinal)) parameter.fill_(1.0); else parameter.zero_();
    }

    private static Tensor UnitRows(Tensor features)
    {
        using (features) return nn.functional.normalize(features, 2, 1, ModelConstants.CosineNormEps);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) dropPathGenerator?.Dispose();
        base.Dispose(disposing);
    }
}
