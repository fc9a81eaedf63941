// Port of VideoMAE modeling_pretrain.py: PretrainVisionTransformerDecoder (return_token_num = N_mask).
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// The VideoMAE pixel decoder: blocks over all N tokens (no key mask; the decoder never sees text), then LayerNorm
/// (eps 1e-6) and a Linear head on the last N_mask tokens, giving tubelet * patch^2 * 3 normalised pixels per token.
/// </summary>
public sealed class Decoder : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Block> blocks;
    private readonly LayerNorm norm;
    private readonly Linear head;
    private readonly int numMasked;

    /// <param name="config">Sizes; validated.</param>
    /// <param name="generator">Source of the drop-path draws; null uses libtorch's default generator.</param>
    public Decoder(SimVtpConfig config, Generator? generator = null) : base(nameof(Decoder))
    {
        config.Validate();
        numMasked = config.NumMasked;
        blocks = Block.Stack(config.DecoderDepth, config.DecoderEmbedDim, config.DecoderNumHeads,
            config.MlpHidden(config.DecoderEmbedDim), config.DropPathRate, generator);
        norm = nn.LayerNorm(config.DecoderEmbedDim, ModelConstants.VitLayerNormEps);
        head = nn.Linear(config.DecoderEmbedDim, config.PatchPixels);
        RegisterComponents();
    }

    /// <summary>[B, N, C_d] (visible tokens first, masked last) -> [B, N_mask, P]</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var x = tokens;
        foreach (var block in blocks) x = block.call(x, null);                            // [B, N, C_d]
        var masked = x[.., ^numMasked..];                                                  // [B, N_mask, C_d]
        return head.call(norm.call(masked)).MoveToOuterDisposeScope();                     // [B, N_mask, P]
    }
}
