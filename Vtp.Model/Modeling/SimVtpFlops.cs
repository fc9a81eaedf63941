// Matrix-product FLOPs of one SimVTP pretraining step, counted from the config (what model FLOPs utilisation divides
// by). The shapes follow SimVtpPretrainModel.Forward: four encoder passes, the decoder and the three heads.

namespace Vtp.Modeling;

/// <summary>
/// Forward FLOPs of one pretraining step by part. Counting convention: every matrix product counts 2*m*n*k (the
/// linear layers, the patch-embedding Conv3d as the product it amounts to, both attention products q k^T and
/// weights v, the VTC similarity); element-wise ops, norms, softmax, embedding lookups and losses count nothing.
/// </summary>
/// <param name="PatchEmbedding">The Conv3d over all N tokens of the 4B clips the joint, video and VTM passes embed.</param>
/// <param name="JointPass">Encoder blocks over [visible video ; text] of B clips (MLM and pixels).</param>
/// <param name="VideoPass">Encoder blocks over the visible video of B clips (VTC).</param>
/// <param name="TextPass">Encoder blocks over the text of B captions (VTC).</param>
/// <param name="MatchPass">Encoder blocks over [visible video ; text] of 2B pairs (VTM).</param>
/// <param name="Decoder">encoder_to_decoder, the decoder blocks over all N tokens and the pixel head on N_mask.</param>
/// <param name="Heads">The MLM head over B x L tokens, the VTM head over 2B pairs and the B x B VTC similarity.</param>
public sealed record SimVtpFlops(
    long PatchEmbedding, long JointPass, long VideoPass, long TextPass, long MatchPass, long Decoder, long Heads)
{
    /// <summary>Forward FLOPs of the step.</summary>
    public long Forward => PatchEmbedding + JointPass + VideoPass + TextPass + MatchPass + Decoder + Heads;

    /// <summary>
    /// Backward FLOPs by the usual convention, twice the forward (each product's two operand gradients). The step
    /// actually needs <see cref="PatchEmbedding"/> less, as the video itself gets no gradient.
    /// </summary>
    public long Backward => 2 * Forward;

    /// <summary>Forward plus backward: what one pretraining step is credited with.</summary>
    public long Step => Forward + Backward;

    /// <summary>The FLOPs of one pretraining step on <paramref name="batch"/> clips with captions of
    /// <paramref name="textLength"/> tokens (padding included: the model computes over every position).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The batch is below 1 or the text length is outside
    /// [1, max_position_embeddings].</exception>
    public static SimVtpFlops PretrainStep(SimVtpConfig config, int batch, int textLength)
    {
        config.Validate();
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "the batch must hold at least one clip");
        if (textLength < 1 || textLength > config.MaxPositionEmbeddings)
            throw new ArgumentOutOfRangeException(nameof(textLength), textLength,
                $"the text length must be in [1, max_position_embeddings {config.MaxPositionEmbeddings}]");
        long b = batch, l = textLength, n = config.NumPatches, visible = config.NumVisible, masked = config.NumMasked;
        long ce = config.EncoderEmbedDim, cd = config.DecoderEmbedDim, pixels = config.PatchPixels, vocab = config.VocabSize;
        long EncoderBlocks(long clips, long tokens) =>
            config.EncoderDepth * BlockFlops(clips, tokens, ce, config.MlpHidden(config.EncoderEmbedDim));
        return new SimVtpFlops(
            PatchEmbedding: Product(4 * b * n, pixels, ce),
            JointPass: EncoderBlocks(b, visible + l),
            VideoPass: EncoderBlocks(b, visible),
            TextPass: EncoderBlocks(b, l),
            MatchPass: EncoderBlocks(2 * b, visible + l),
            Decoder: Product(b * visible, ce, cd) + config.DecoderDepth * BlockFlops(b, n, cd, config.MlpHidden(config.DecoderEmbedDim)) +
                     Product(b * masked, cd, pixels),
            Heads: Product(b * l, ce, vocab) + Product(2 * b, ce, 2) + Product(b, ce, b));
    }

    /// <summary>
    /// One transformer block over <paramref name="clips"/> sequences of <paramref name="tokens"/> tokens of width C
    /// and MLP width H: the qkv, proj, fc1 and fc2 products (S x (3C + C) x C and 2 x S x C x H per sequence) and
    /// the two attention products (S x S x C each, summed over heads).
    /// </summary>
    public static long BlockFlops(long clips, long tokens, long width, long hidden) =>
        Product(clips * tokens, width, 4 * width + 2 * hidden) + 2 * Product(clips * tokens, tokens, width);

    // 2*m*n*k of an [m, k] x [k, n] product.
    private static long Product(long m, long k, long n) => 2 * m * k * n;
}
