// SimVTP configuration: one immutable record whose JSON form (20 snake_case keys) is shared with reference/
// (simvtp_config.py), the named presets and the sizes derived from it. Port of the kwargs of SimVTP/VideoMAE
// modeling_pretrain.py, gathered into one record.
using System.Globalization;

namespace Vtp.Modeling;

/// <summary>Token grid of the patch embedding: token index n = (t * Height + h) * Width + w.</summary>
/// <param name="Time">Temporal slices, num_frames / tubelet_size.</param>
/// <param name="Height">Patch rows, image_size / patch_size.</param>
/// <param name="Width">Patch columns, image_size / patch_size.</param>
public sealed record TokenGrid(int Time, int Height, int Width);

/// <summary>
/// Every size and rate of the SimVTP pretraining model and the fine-tuning dual encoder. The JSON keys are the
/// snake_case names in the XML docs; <see cref="Validate"/> checks a config and every model constructor calls it.
/// The LayerNorm epsilons are fixed by the architecture (1e-6 in the ViT, 1e-12 in the BERT embeddings), not keys.
/// </summary>
public sealed partial record SimVtpConfig
{
    /// <summary>image_size: frame side in pixels (frames are square).</summary>
    public required int ImageSize { get; init; }
    /// <summary>patch_size: spatial side of a token's cube.</summary>
    public required int PatchSize { get; init; }
    /// <summary>num_frames: T, frames per clip.</summary>
    public required int NumFrames { get; init; }
    /// <summary>tubelet_size: frames per token's cube.</summary>
    public required int TubeletSize { get; init; }
    /// <summary>in_chans: colour channels; must be 3 (the ImageNet mean and std are RGB).</summary>
    public required int InChans { get; init; }
    /// <summary>encoder_embed_dim: C_e, width of the shared encoder.</summary>
    public required int EncoderEmbedDim { get; init; }
    /// <summary>encoder_depth: encoder blocks.</summary>
    public required int EncoderDepth { get; init; }
    /// <summary>encoder_num_heads: attention heads of the encoder.</summary>
    public required int EncoderNumHeads { get; init; }
    /// <summary>mlp_ratio: MLP hidden width over block width (encoder and decoder).</summary>
    public required double MlpRatio { get; init; }
    /// <summary>decoder_embed_dim: C_d, width of the VideoMAE decoder.</summary>
    public required int DecoderEmbedDim { get; init; }
    /// <summary>decoder_depth: decoder blocks (the official run uses 4; the official class default is 8).</summary>
    public required int DecoderDepth { get; init; }
    /// <summary>decoder_num_heads: attention heads of the decoder.</summary>
    public required int DecoderNumHeads { get; init; }
    /// <summary>vocab_size: V, WordPiece vocabulary (30522 for bert-base-uncased).</summary>
    public required int VocabSize { get; init; }
    /// <summary>max_position_embeddings: longest caption in tokens (learned BERT positions).</summary>
    public required int MaxPositionEmbeddings { get; init; }
    /// <summary>type_vocab_size: BERT token types (only type 0 is used).</summary>
    public required int TypeVocabSize { get; init; }
    /// <summary>text_dropout: dropout after the BERT embedding LayerNorm, in [0, 1).</summary>
    public required double TextDropout { get; init; }
    /// <summary>drop_path_rate: stochastic depth of the pretraining blocks, linearly rising to this rate.</summary>
    public required double DropPathRate { get; init; }
    /// <summary>vtc_temperature: tau of the contrastive NormSoftmaxLoss (fixed, not learned).</summary>
    public required double VtcTemperature { get; init; }
    /// <summary>video_mask_ratio: share of spatial positions masked in every temporal slice of the tube mask.</summary>
    public required double VideoMaskRatio { get; init; }
    /// <summary>text_mask_ratio: probability that an ordinary caption token is replaced by [MASK] for MLM.</summary>
    public required double TextMaskRatio { get; init; }

    /// <summary>The released ViT-B/16 model: 16 x 224 frames, tubelet 2, decoder 384 x 4 (the official run's depth).</summary>
    public static SimVtpConfig Base { get; } = new()
    {
        ImageSize = 224, PatchSize = 16, NumFrames = 16, TubeletSize = 2, InChans = 3,
        EncoderEmbedDim = 768, EncoderDepth = 12, EncoderNumHeads = 12, MlpRatio = 4.0,
        DecoderEmbedDim = 384, DecoderDepth = 4, DecoderNumHeads = 6,
        VocabSize = 30522, MaxPositionEmbeddings = 512, TypeVocabSize = 2,
        TextDropout = 0.1, DropPathRate = 0.0, VtcTemperature = 0.05, VideoMaskRatio = 0.9, TextMaskRatio = 0.75,
    };

    /// <summary>
    /// A ViT-S-like model for CPU runs: the ViT-S encoder (384 wide, 12 blocks, 6 heads) and VideoMAE-S decoder
    /// (192 wide, 4 blocks, 3 heads) over 8 frames of 112 x 112 (4 x 7 x 7 = 196 tokens, 20 visible), with the
    /// full BERT vocabulary and positions so real captions fit.
    /// </summary>
    public static SimVtpConfig Small { get; } = Base with
    {
        ImageSize = 112, NumFrames = 8, EncoderEmbedDim = 384, EncoderNumHeads = 6,
        DecoderEmbedDim = 192, DecoderNumHeads = 3,
    };

    /// <summary>The reference's "parity" preset: base widths and vocabulary, 2 encoder blocks, 1 decoder block, 32 px.</summary>
    public static SimVtpConfig Parity { get; } = Base with { ImageSize = 32, EncoderDepth = 2, DecoderDepth = 1 };

    /// <summary>The reference's "tiny" preset: 4 x 32 px frames, patch 8, width 64 x 2 blocks, decoder 32 x 1.</summary>
    public static SimVtpConfig Tiny { get; } = Base with
    {
        ImageSize = 32, PatchSize = 8, NumFrames = 4, EncoderEmbedDim = 64, EncoderDepth = 2, EncoderNumHeads = 2,
        DecoderEmbedDim = 32, DecoderDepth = 1, DecoderNumHeads = 2, MaxPositionEmbeddings = 64,
    };

    /// <summary>The preset of that name: "base", "small", "parity" or "tiny".</summary>
    /// <exception cref="ArgumentException">The name is not a preset; the message lists them.</exception>
    public static SimVtpConfig Preset(string name) => name switch
    {
        "base" => Base,
        "small" => Small,
        "parity" => Parity,
        "tiny" => Tiny,
        _ => throw new ArgumentException($"unknown config preset '{name}' (presets: base, small, parity, tiny)", nameof(name)),
    };

    /// <summary>Token grid (t, h, w) of the patch embedding.</summary>
    public TokenGrid Grid => new(NumFrames / TubeletSize, ImageSize / PatchSize, ImageSize / PatchSize);

    /// <summary>N: video tokens per clip.</summary>
    public int NumPatches => Grid.Time * PatchesPerFrame;

    /// <summary>Spatial positions per temporal slice, h * w.</summary>
    public int PatchesPerFrame => Grid.Height * Grid.Width;

    /// <summary>Masked positions per temporal slice: int(video_mask_ratio * h * w), as VideoMAE's tube masking.</summary>
    public int MaskedPerFrame => (int)(VideoMaskRatio * PatchesPerFrame);

    /// <summary>N_mask: masked tokens per clip under tube masking.</summary>
    public int NumMasked => MaskedPerFrame * Grid.Time;

    /// <summary>N_vis: visible tokens per clip under tube masking.</summary>
    public int NumVisible => NumPatches - NumMasked;

    /// <summary>P: pixels per token cube, tubelet * patch * patch * channels (1536 for the base config).</summary>
    public int PatchPixels => TubeletSize * PatchSize * PatchSize * InChans;

    /// <summary>MLP hidden width of a block of width <paramref name="dim"/>: int(dim * mlp_ratio).</summary>
    public int MlpHidden(int dim) => (int)(dim * MlpRatio);

    /// <summary>Checks every value and every relation between values; returns this config.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the key(s) and value(s).</exception>
    public SimVtpConfig Validate()
    {
        foreach (var (key, value, integer) in Entries())
            if (integer && value <= 0) throw Invalid($"{key} must be positive, got {value}");
        if (MlpRatio <= 0 || double.IsNaN(MlpRatio)) throw Invalid($"mlp_ratio must be positive, got {Format(MlpRatio)}");
        if (VtcTemperature <= 0 || double.IsNaN(VtcTemperature))
            throw Invalid($"vtc_temperature must be positive, got {Format(VtcTemperature)}");
        foreach (var (key, value) in Rates())
            if (!(value >= 0 && value < 1)) throw Invalid($"{key} must be in [0, 1), got {Format(value)}");
        RequireDivisible("image_size", ImageSize, "patch_size", PatchSize);
        RequireDivisible("num_frames", NumFrames, "tubelet_size", TubeletSize);
        RequireDivisible("encoder_embed_dim", EncoderEmbedDim, "encoder_num_heads", EncoderNumHeads);
        RequireDivisible("decoder_embed_dim", DecoderEmbedDim, "decoder_num_heads", DecoderNumHeads);
        if (InChans != 3) throw Invalid($"in_chans must be 3 (the ImageNet mean and std are RGB), got {InChans}");
        if (VocabSize <= SpecialTokens.Mask)
            throw Invalid($"vocab_size {VocabSize} must exceed the [MASK] id {SpecialTokens.Mask}");
        if (MaxPositionEmbeddings < 3)
            throw Invalid($"max_position_embeddings {MaxPositionEmbeddings} cannot hold [CLS] token [SEP] (3 tokens)");
        if (MlpHidden(EncoderEmbedDim) < 1 || MlpHidden(DecoderEmbedDim) < 1)
            throw Invalid($"mlp_ratio {Format(MlpRatio)} gives an empty MLP hidden layer");
        return this;
    }

    /// <summary>Every key with its value, in declaration (and JSON) order; Integer marks the int-valued keys.</summary>
    internal IEnumerable<(string Key, double Value, bool Integer)> Entries() =>
    [
        ("image_size", ImageSize, true), ("patch_size", PatchSize, true), ("num_frames", NumFrames, true),
        ("tubelet_size", TubeletSize, true), ("in_chans", InChans, true), ("encoder_embed_dim", EncoderEmbedDim, true),
        ("encoder_depth", EncoderDepth, true), ("encoder_num_heads", EncoderNumHeads, true), ("mlp_ratio", MlpRatio, false),
        ("decoder_embed_dim", DecoderEmbedDim, true), ("decoder_depth", DecoderDepth, true),
        ("decoder_num_heads", DecoderNumHeads, true), ("vocab_size", VocabSize, true),
        ("max_position_embeddings", MaxPositionEmbeddings, true), ("type_vocab_size", TypeVocabSize, true),
        ("text_dropout", TextDropout, false), ("drop_path_rate", DropPathRate, false),
        ("vtc_temperature", VtcTemperature, false), ("video_mask_ratio", VideoMaskRatio, false),
        ("text_mask_ratio", TextMaskRatio, false),
    ];

    internal IEnumerable<(string Key, double Value)> Rates() =>
    [
        ("text_dropout", TextDropout), ("drop_path_rate", DropPathRate), ("video_mask_ratio", VideoMaskRatio),
        ("text_mask_ratio", TextMaskRatio),
    ];

    private static void RequireDivisible(string key, int value, string divisorKey, int divisor)
    {
        if (value % divisor != 0) throw Invalid($"{key} {value} is not divisible by {divisorKey} {divisor}");
    }

    private static ArgumentException Invalid(string message) => new($"invalid SimVTP config: {message}");

    /// <summary>A double as Python's repr writes it (shortest round trip, "4.0" rather than "4").</summary>
    internal static string Format(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }
}
