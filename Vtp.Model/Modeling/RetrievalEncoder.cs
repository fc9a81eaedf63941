// Port of SimVTP modeling_finetune.py: one tower of the retrieval dual encoder (VisionTransformer with
// use_mean_pooling, so norm = Identity and fc_norm after pooling, plus its own BERT text embeddings).
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// One fine-tuning tower: an <see cref="Encoder"/> without final norm, then mean pooling over every token and fc_norm
/// (LayerNorm eps 1e-6), plus its own text_embeddings. The encoder's parts sit at the tower's top level, as in the
/// official VisionTransformer: parameter order patch_embed, blocks, fc_norm, text_embeddings.
/// </summary>
public sealed class RetrievalEncoder : nn.Module
{
    private readonly Encoder encoder;
    private readonly LayerNorm fc_norm;
    private readonly TextEmbeddings text_embeddings;

    /// <param name="config">Sizes; validated.</param>
    /// <param name="dropPathRate">Rate of the last block (0.1 officially in fine-tuning).</param>
    /// <param name="generator">Source of the drop-path draws; null uses libtorch's default generator.</param>
    public RetrievalEncoder(SimVtpConfig config, double dropPathRate, Generator? generator = null)
        : base(nameof(RetrievalEncoder))
    {
        encoder = new Encoder(config, dropPathRate, nn.Identity(), generator);
        fc_norm = nn.LayerNorm(config.EncoderEmbedDim, ModelConstants.VitLayerNormEps);
        text_embeddings = new TextEmbeddings(config);
        foreach (var (name, part) in encoder.named_children()) register_module(name, part);   // the keys of the official tower
        register_module(nameof(fc_norm), fc_norm);
        register_module(nameof(text_embeddings), text_embeddings);
    }

    /// <summary>The config the tower was built for.</summary>
    public SimVtpConfig Config => encoder.Config;

    /// <summary>Drop-path rate of each block, in order.</summary>
    public IReadOnlyList<double> DropPathRates => encoder.DropPathRates;

    /// <summary>Unmasked video: all N tokens + positions, blocks, mean over tokens, fc_norm: [B, 3, T, H, W] -> [B, C_e].</summary>
    public Tensor PoolVideo(Tensor video)
    {
        using var scope = NewDisposeScope();
        var hidden = encoder.Run(encoder.EmbedVideo(video), null);                                         // [B, N, C_e]
        return fc_norm.call(hidden.mean([1])).MoveToOuterDisposeScope();                   // [B, C_e]
    }

    /// <summary>Unmasked ids: BERT embeddings, blocks (pads masked as keys), mean over all L tokens (pads included),
    /// fc_norm: input_ids [B, L] and attention_mask [B, L] -> [B, C_e].</summary>
    public Tensor PoolText(Tensor input_ids, Tensor attention_mask)
    {
        InputChecks.TokenIds(input_ids, Config, nameof(input_ids));
        InputChecks.AttentionMask(attention_mask, input_ids, nameof(attention_mask));
        using var scope = NewDisposeScope();
        var hidden = encoder.EncodeText(text_embeddings.call(input_ids), attention_mask);         // [B, L, C_e]
        return fc_norm.call(hidden.mean([1])).MoveToOuterDisposeScope();                   // [B, C_e]
    }

    // The constructor registers the parts by hand; TorchSharp's field scan would also register the encoder itself.
    protected override void RegisterComponents() { }

    protected override void Dispose(bool disposing)
    {
        if (disposing) encoder.Dispose();
        base.Dispose(disposing);
    }
}
