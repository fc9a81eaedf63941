// Port of the BERT embeddings SimVTP uses as its text input (HF transformers BertEmbeddings, token type 0 only).
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// BERT embeddings: LayerNorm((word[ids] + token_type[0]) + position[0..L-1]) with eps 1e-12, then dropout.
/// word_embeddings has padding_idx 0 as in BERT, so its [PAD] row never receives a gradient.
/// </summary>
public sealed class TextEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly Embedding word_embeddings;
    private readonly Embedding position_embeddings;
    private readonly Embedding token_type_embeddings;
    private readonly LayerNorm LayerNorm;
    private readonly Dropout dropout;
    private readonly SimVtpConfig config;

    public TextEmbeddings(SimVtpConfig config) : base(nameof(TextEmbeddings))
    {
        this.config = config.Validate();
        word_embeddings = nn.Embedding(config.VocabSize, config.EncoderEmbedDim, padding_idx: SpecialTokens.Pad);
        position_embeddings = nn.Embedding(config.MaxPositionEmbeddings, config.EncoderEmbedDim);
        token_type_embeddings = nn.Embedding(config.TypeVocabSize, config.EncoderEmbedDim);
        LayerNorm = nn.LayerNorm(config.EncoderEmbedDim, ModelConstants.BertLayerNormEps);
        dropout = nn.Dropout(config.TextDropout);
        RegisterComponents();
    }

    /// <summary>input_ids [B, L] int64 -> [B, L, C_e]</summary>
    /// <exception cref="ArgumentException">Empty, too long, not int64, or an id outside [0, vocab_size).</exception>
    public override Tensor forward(Tensor input_ids)
    {
        InputChecks.TokenIds(input_ids, config, "input_ids");
        using var scope = NewDisposeScope();
        var length = input_ids.shape[1];
        var positions = arange(length, ScalarType.Int64, input_ids.device).unsqueeze(0);  // [1, L]
        var tokenTypes = zeros_like(input_ids);                                             // [B, L]
        var summed = word_embeddings.call(input_ids) + token_type_embeddings.call(tokenTypes);
        summed = summed + position_embeddings.call(positions);                              // [B, L, C_e]
        return dropout.call(LayerNorm.call(summed)).MoveToOuterDisposeScope();
    }
}
