// Port of SimVTP modeling_pretrain.py (PretrainVisionTransformer with BERT embeddings, text_cls and vtm_head) and
// of the loss assembly in engine_for_pretraining.py: four encoder passes on the same masked video and masked text.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// The SimVTP pretraining model. Its state-dict keys and shapes are those of the official checkpoint
/// (mask_token, encoder.*, decoder.*, encoder_to_decoder.weight, text_embeddings.*, text_cls.*, vtm_head.*).
/// The constructor applies the official seeded initialisation (<see cref="SimVtpInit"/>).
/// </summary>
public sealed class SimVtpPretrainModel : nn.Module
{
    private readonly Parameter mask_token;
    private readonly Encoder encoder;
    private readonly Decoder decoder;
    private readonly Linear encoder_to_decoder;
    private readonly TextEmbeddings text_embeddings;
    private readonly Linear text_cls;
    private readonly Linear vtm_head;
    private readonly SinusoidTable decoder_pos_embed;
    private readonly SimVtpConfig config;
    private readonly SimVtpPretrainOptions options;
    private readonly Generator? dropPathGenerator;
    private readonly VtmNegativeSampler hardNegatives;

    /// <param name="config">Sizes and rates; validated.</param>
    /// <param name="options">Loss weights, VTM negative policy and seeds; null gives the official defaults.</param>
    /// <exception cref="ArgumentException">The config is invalid; the message names the key and value.</exception>
    public SimVtpPretrainModel(SimVtpConfig config, SimVtpPretrainOptions? options = null) : base(nameof(SimVtpPretrainModel))
    {
        this.config = config.Validate();
        this.options = options ?? new SimVtpPretrainOptions();
        dropPathGenerator = this.options.DropPathSeed is { } seed ? new Generator((ulong)seed) : null;
        hardNegatives = new VtmNegativeSampler(new Random(this.options.HardNegativeSeed));
        mask_token = nn.Parameter(zeros(1, 1, config.DecoderEmbedDim));
        encoder = new Encoder(config, dropPathGenerator);
        decoder = new Decoder(config, dropPathGenerator);
        encoder_to_decoder = nn.Linear(config.EncoderEmbedDim, config.DecoderEmbedDim, hasBias: false);
        text_embeddings = new TextEmbeddings(config);
        text_cls = nn.Linear(config.EncoderEmbedDim, config.VocabSize);
        vtm_head = nn.Linear(config.EncoderEmbedDim, 2);
        decoder_pos_embed = new SinusoidTable(config.NumPatches, config.DecoderEmbedDim);
        RegisterComponents();
        using var initGenerator = new Generator((ulong)this.options.InitSeed);
        SimVtpInit.Initialize(this, initGenerator);
    }

    /// <summary>The config the model was built for.</summary>
    public SimVtpConfig Config => config;

    /// <summary>The options the model was built with.</summary>
    public SimVtpPretrainOptions Options => options;

    /// <summary>The shared encoder (joint, video-only and text-only passes).</summary>
    public Encoder Encoder => encoder;

    /// <summary>The BERT text embeddings.</summary>
    public TextEmbeddings TextEmbeddings => text_embeddings;

    internal Parameter MaskToken => mask_token;

    /// <summary>Runs the four passes and every loss (SIMVTP.md §3) on one batch.</summary>
    /// <param name="inputs">The batch.</param>
    /// <param name="gatherFeatures">Null (official): VTC contrasts within the batch. In a data-parallel run, a
    /// differentiable all-gather of [B, C_e] features from every process (<see cref="Collectives.AllGatherWithGradient"/>): VTC
    /// then contrasts against every process's batch. VTM negatives and the returned similarity stay within the batch.</param>
    /// <exception cref="ArgumentException">An input has the wrong shape, type or values; the message names it, the
    /// expected value and the actual one.</exception>
    public SimVtpPretrainOutput Forward(PretrainInputs inputs, Func<Tensor, Tensor>? gatherFeatures = null)
    {
        var batch = CheckInputs(inputs);
        using var scope = NewDisposeScope();
        var (video, mask) = (inputs.Video, inputs.BoolMaskedPos);
        var (mlmLogits, pixelPred, videoFeatures, textFeatures, similarity, negatives, vtmLogits) =
            options.FusePasses ? FusedPasses(inputs, batch) : OfficialPasses(inputs);
        var vtmLabels = cat([ones(batch, ScalarType.Int64), zeros(batch, ScalarType.Int64)]).to(vtmLogits.device);
        var target = PixelTarget.Compute(video, mask, config);                              // [B, N_mask, P]
        var lossPix = nn.functional.mse_loss(pixelPred, target);
        var lossMlm = nn.functional.cross_entropy(mlmLogits.reshape(-1, config.VocabSize), inputs.MlmLabels.reshape(-1),
            ignore_index: SpecialTokens.IgnoreIndex);
        var lossVtc = NormSoftmaxLoss.Compute(
            gatherFeatures is null ? similarity : NormSoftmaxLoss.Similarity(gatherFeatures(textFeatures), gatherFeatures(videoFeatures)),
            config.VtcTemperature);
        var lossVtm = nn.functional.cross_entropy(vtmLogits, vtmLabels);
        var w = options.LossWeights;
        var total = lossPix * w.Pix + lossMlm * w.Mlm + lossVtc * w.Vtc + lossVtm * w.Vtm;
        return new SimVtpPretrainOutput(
            Out(total), Out(lossPix), Out(lossMlm), Out(lossVtc), Out(lossVtm), Out(pixelPred), Out(target), Out(mlmLogits),
            Out(vtmLogits), Out(vtmLabels), Out(negatives), Out(videoFeatures), Out(textFeatures), Out(similarity));
    }

    private sealed record Passes(Tensor MlmLogits, Tensor PixelPred, Tensor VideoFeatures, Tensor TextFeatures, Tensor Similarity,
        Tensor Negatives, Tensor VtmLogits);

    /// <summary>The official four encoder calls: joint (MLM, pixels), video-only and text-only (VTC), then VTM.</summary>
    private Passes OfficialPasses(PretrainInputs inputs)
    {
        var (video, mask, attention) = (inputs.Video, inputs.BoolMaskedPos, inputs.AttentionMask);
        var text = text_embeddings.call(inputs.InputIds);                                   // [B, L, C_e]
        // (1) joint pass: MLM and pixels
        var (mlmLogits, pixelPred) = JointHeads(encoder.EncodeJoint(video, mask, text, attention), mask);
        // (2)-(3) single-modality passes for VTC
        var (videoFeatures, textFeatures, similarity) = ContrastPasses(video, mask, text, attention);
        // (4) VTM: each caption with its own video, then with a negative video
        var negatives = Negatives(inputs, similarity);                                      // [B]
        return new(mlmLogits, pixelPred, videoFeatures, textFeatures, similarity, negatives, MatchLogits(inputs, negatives));
    }

    /// <summary><see cref="SimVtpPretrainOptions.FusePasses"/>: one embedding call for the joint, text-only and VTM
    /// captions; VTC first, so hard negatives are known before one encoder call over the joint and VTM sequences.</summary>
    private Passes FusedPasses(PretrainInputs inputs, long batch)
    {
        var (video, mask, attention) = (inputs.Video, inputs.BoolMaskedPos, inputs.AttentionMask);
        var texts = text_embeddings.call(cat([inputs.InputIds, inputs.InputIds, inputs.InputIds], 0)); // [3B, L, C_e]
        var (videoFeatures, textFeatures, similarity) = ContrastPasses(video, mask, texts[..(int)batch], attention);
        var negatives = Negatives(inputs, similarity);                                      // [B]
        var fused = encoder.EncodeJoint(cat([video, video, video.index_select(0, negatives)], 0),
            cat([mask, mask, mask.index_select(0, negatives)], 0), texts, cat([attention, attention, attention], 0)); // [3B, N_vis + L, C_e]
        var (mlmLogits, pixelPred) = JointHeads(fused[..(int)batch], mask);
        var vtmLogits = vtm_head.call(fused[(int)batch..].mean([1]));                       // [2B, 2]
        return new(mlmLogits, pixelPred, videoFeatures, textFeatures, similarity, negatives, vtmLogits);
    }

    /// <summary>MLM logits over the text outputs and pixels from the visible-video outputs of a joint pass
    /// [B, N_vis + L, C_e]: -> [B, L, V] and [B, N_mask, P].</summary>
    private (Tensor MlmLogits, Tensor PixelPred) JointHeads(Tensor joint, Tensor mask) =>
        (text_cls.call(joint[.., config.NumVisible..]), DecodePixels(joint[.., ..config.NumVisible], mask));

    /// <summary>The video-only and text-only passes, mean-pooled over every token (text pads included), and their
    /// cosine similarities: -> [B, C_e], [B, C_e] and [B, B] (rows text, columns video).</summary>
    private (Tensor Video, Tensor Text, Tensor Similarity) ContrastPasses(Tensor video, Tensor mask, Tensor text, Tensor attention)
    {
        var videoFeatures = encoder.EncodeVideo(video, mask).mean([1]);                     // [B, C_e]
        var textFeatures = encoder.EncodeText(text, attention).mean([1]);                   // [B, C_e]
        return (videoFeatures, textFeatures, NormSoftmaxLoss.Similarity(textFeatures, videoFeatures));
    }

    /// <summary>Each caption's VTM negative video under the options' policy: [B] int64.</summary>
    private Tensor Negatives(PretrainInputs inputs, Tensor similarity) =>
        options.VtmNegatives == VtmNegativePolicy.HardFromVtc
            ? hardNegatives.FromSimilarity(similarity, config.VtcTemperature)
            : inputs.VtmNegIndex!.alias();

    /// <summary>
    /// The VideoMAE decoder on the encoder outputs of the visible tokens: [B, N_vis, C_e] and bool_masked_pos [B, N]
    /// -> pixel predictions [B, N_mask, P]. The decoder input is [E2D(visible) + pos[visible] ; mask_token + pos[masked]],
    /// each group in ascending token order.
    /// </summary>
    public Tensor DecodePixels(Tensor visibleHidden, Tensor bool_masked_pos)
    {
        InputChecks.MaskedPositions(bool_masked_pos, config, visibleHidden.shape[0], nameof(bool_masked_pos));
        using var scope = NewDisposeScope();
        var (B, C_d) = (visibleHidden.shape[0], (long)config.DecoderEmbedDim);
        var visible = encoder_to_decoder.call(visibleHidden);                               // [B, N_vis, C_d]
        var positions = decoder_pos_embed.For(visible).expand(B, -1, -1);                  // [B, N, C_d]
        var visiblePositions = positions[bool_masked_pos.logical_not()].reshape(B, -1, C_d); // [B, N_vis, C_d]
        var maskedPositions = positions[bool_masked_pos].reshape(B, -1, C_d);               // [B, N_mask, C_d]
        var tokens = cat([visible + visiblePositions, mask_token + maskedPositions], 1);    // [B, N, C_d]
        return decoder.call(tokens).MoveToOuterDisposeScope();                              // [B, N_mask, P]
    }

    /// <summary>VTM logits of [caption i, video i] then [caption i, video negatives[i]]: -> [2B, 2].</summary>
    private Tensor MatchLogits(PretrainInputs inputs, Tensor negatives)
    {
        using var scope = NewDisposeScope();
        var videos = cat([inputs.Video, inputs.Video.index_select(0, negatives)], 0);       // [2B, 3, T, H, W]
        var masks = cat([inputs.BoolMaskedPos, inputs.BoolMaskedPos.index_select(0, negatives)], 0); // [2B, N]
        var ids = cat([inputs.InputIds, inputs.InputIds], 0);                               // [2B, L]
        var attention = cat([inputs.AttentionMask, inputs.AttentionMask], 0);               // [2B, L]
        var joint = encoder.EncodeJoint(videos, masks, text_embeddings.call(ids), attention); // [2B, N_vis + L, C_e]
        return vtm_head.call(joint.mean([1])).MoveToOuterDisposeScope();                     // [2B, 2]
    }

    private long CheckInputs(PretrainInputs inputs)
    {
        InputChecks.Video(inputs.Video, config, "video");
        var batch = inputs.Video.shape[0];
        InputChecks.TokenIds(inputs.InputIds, config, "input_ids");
        InputChecks.Batch(inputs.InputIds, batch, "input_ids", "video");
        InputChecks.AttentionMask(inputs.AttentionMask, inputs.InputIds, "attention_mask");
        InputChecks.MlmLabels(inputs.MlmLabels, inputs.InputIds, config, "mlm_labels");
        using (var picked = inputs.MlmLabels.ne(SpecialTokens.IgnoreIndex).any())
            if (!picked.item<bool>())
                throw new ArgumentException("mlm_labels hold no picked token (all -100), so the MLM loss is undefined", "mlm_labels");
        InputChecks.MaskedPositions(inputs.BoolMaskedPos, config, batch, "bool_masked_pos");
        if (options.VtmNegatives == VtmNegativePolicy.Random)
        {
            if (inputs.VtmNegIndex is null)
                throw new ArgumentException("vtm_neg_index is required by the VTM negative policy Random", "vtm_neg_index");
            InputChecks.Negatives(inputs.VtmNegIndex, batch, "vtm_neg_index");
        }
        else if (batch < 2) throw new ArgumentException($"VTM needs a batch of at least 2 to pick a negative, got {batch}", "video");
        return batch;
    }

    private static Tensor Out(Tensor tensor) => tensor.MoveToOuterDisposeScope();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decoder_pos_embed.Dispose();
            dropPathGenerator?.Dispose();
        }
        base.Dispose(disposing);
    }
}
