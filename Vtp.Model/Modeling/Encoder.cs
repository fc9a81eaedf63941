// Port of SimVTP modeling_pretrain.py: PretrainVisionTransformerEncoder, the one ViT shared by the joint, video-only
// and text-only passes. The official forward switches on four boolean flags; here each pass is its own method.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// The shared ViT: patch embedding, fixed sinusoid positions, blocks and the final LayerNorm (eps 1e-6). Video tokens
/// get their positions before masking; visible tokens keep ascending index order; padded text keys get -10000.
/// </summary>
public sealed class Encoder : nn.Module
{
    private readonly PatchEmbed patch_embed;
    private readonly ModuleList<Block> blocks;
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly SinusoidTable pos_embed;
    private readonly SimVtpConfig config;

    /// <summary>The pretraining encoder: final norm LayerNorm(C_e, 1e-6), drop path up to drop_path_rate.</summary>
    /// <param name="config">Sizes; validated.</param>
    /// <param name="generator">Source of the drop-path draws; null uses libtorch's default generator.</param>
    public Encoder(SimVtpConfig config, Generator? generator = null)
        : this(config, config.DropPathRate, nn.LayerNorm(config.EncoderEmbedDim, ModelConstants.VitLayerNormEps), generator)
    {
    }

    /// <summary>An encoder with another final norm and drop-path rate (the fine-tuning towers).</summary>
    /// <param name="config">Sizes; validated.</param>
    /// <param name="dropPathRate">Rate of the last block; the rates rise linearly from 0.</param>
    /// <param name="norm">The final norm (an Identity in the fine-tuning towers).</param>
    /// <param name="generator">Source of the drop-path draws; null uses libtorch's default generator.</param>
    internal Encoder(SimVtpConfig config, double dropPathRate, nn.Module<Tensor, Tensor> norm, Generator? generator)
        : base(nameof(Encoder))
    {
        this.config = config.Validate();
        patch_embed = new PatchEmbed(config);
        blocks = Block.Stack(config.EncoderDepth, config.EncoderEmbedDim, config.EncoderNumHeads,
            config.MlpHidden(config.EncoderEmbedDim), dropPathRate, generator);
        this.norm = norm;
        pos_embed = new SinusoidTable(config.NumPatches, config.EncoderEmbedDim);
        RegisterComponents();
    }

    /// <summary>The config the encoder was built for.</summary>
    public SimVtpConfig Config => config;

    /// <summary>Drop-path rate of each block, in order.</summary>
    public IReadOnlyList<double> DropPathRates => blocks.Select(b => b.DropPathRate).ToList();

    /// <summary>Every video token with its sinusoid position: [B, 3, T, H, W] -> [B, N, C_e].</summary>
    public Tensor EmbedVideo(Tensor video)
    {
        using var scope = NewDisposeScope();
        var tokens = patch_embed.call(video);                                              // [B, N, C_e]
        return (tokens + pos_embed.For(tokens)).MoveToOuterDisposeScope();                 // [B, N, C_e]
    }

    /// <summary>Visible tokens with their positions (added before masking), ascending index order:
    /// [B, 3, T, H, W] and bool_masked_pos [B, N] (True = masked) -> [B, N_vis, C_e].</summary>
    public Tensor EmbedVisible(Tensor video, Tensor bool_masked_pos)
    {
        InputChecks.MaskedPositions(bool_masked_pos, config, video.shape[0], nameof(bool_masked_pos));
        using var scope = NewDisposeScope();
        var tokens = EmbedVideo(video);                                                    // [B, N, C_e]
        var visible = tokens[bool_masked_pos.logical_not()];                               // [B * N_vis, C_e]
        return visible.reshape(tokens.shape[0], config.NumVisible, tokens.shape[2]).MoveToOuterDisposeScope();
    }

    /// <summary>Blocks then the final norm: [B, S, C_e] and key logits [B, 1, 1, S] (or null) -> [B, S, C_e].</summary>
    public Tensor Run(Tensor tokens, Tensor? keyLogits)
    {
        using var scope = NewDisposeScope();
        var x = tokens;
        foreach (var block in blocks) x = block.call(x, keyLogits);                       // [B, S, C_e]
        return norm.call(x).MoveToOuterDisposeScope();
    }

    /// <summary>Video-only pass (VTC): [B, 3, T, H, W] and [B, N] -> [B, N_vis, C_e]; every key is valid.</summary>
    public Tensor EncodeVideo(Tensor video, Tensor bool_masked_pos)
    {
        using var scope = NewDisposeScope();
        return Run(EmbedVisible(video, bool_masked_pos), null).MoveToOuterDisposeScope();
    }

    /// <summary>Text-only pass (VTC): text embeddings [B, L, C_e] and attention_mask [B, L] -> [B, L, C_e],
    /// padded keys at -10000.</summary>
    public Tensor EncodeText(Tensor textEmbeddings, Tensor attention_mask)
    {
        using var scope = NewDisposeScope();
        var keyLogits = KeyLogits(attention_mask, textEmbeddings.dtype);                  // [B, 1, 1, L]
        return Run(textEmbeddings, keyLogits).MoveToOuterDisposeScope();
    }

    /// <summary>Joint pass over [visible video ; text] (MLM, pixels, VTM): -> [B, N_vis + L, C_e]; video keys get 0,
    /// padded text keys -10000. Text positions restart at 0 after the video tokens.</summary>
    public Tensor EncodeJoint(Tensor video, Tensor bool_masked_pos, Tensor textEmbeddings, Tensor attention_mask)
    {
        using var scope = NewDisposeScope();
        var videoTokens = EmbedVisible(video, bool_masked_pos);                           // [B, N_vis, C_e]
        var tokens = cat([videoTokens, textEmbeddings], 1);                                // [B, N_vis + L, C_e]
        var videoKeys = ones([videoTokens.shape[0], videoTokens.shape[1]], attention_mask.dtype, attention_mask.device);
        var keys = cat([videoKeys, attention_mask], 1);                                    // [B, N_vis + L]
        return Run(tokens, KeyLogits(keys, tokens.dtype)).MoveToOuterDisposeScope();
    }

    /// <summary>Additive key logits from a 0/1 mask [B, S]: 0 for real keys, -10000 for pads -> [B, 1, 1, S].</summary>
    public static Tensor KeyLogits(Tensor attention_mask, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var logits = (1 - attention_mask) * ModelConstants.MaskedKeyLogit;                  // [B, S]
        return logits.to(dtype).unsqueeze(1).unsqueeze(1).MoveToOuterDisposeScope();       // [B, 1, 1, S]
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) pos_embed.Dispose();
        base.Dispose(disposing);
    }
}
