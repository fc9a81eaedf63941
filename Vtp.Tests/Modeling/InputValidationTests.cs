// Bad inputs to the pretraining model and the dual encoder: each is an ArgumentException naming what differs.
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class InputValidationTests : ScopedTensorTest
{
    private static SimVtpPretrainModel model = null!;
    private static DualEncoder dual = null!;
    private PretrainInputs good = null!;

    [ClassInitialize]
    public static void BuildModels(TestContext _)
    {
        model = new SimVtpPretrainModel(TinyBatch.Config);
        dual = new DualEncoder(TinyBatch.Config);
    }

    [ClassCleanup]
    public static void DisposeModels()
    {
        model.Dispose();
        dual.Dispose();
    }

    [TestInitialize]
    public void Setup() => good = TinyBatch.Create(batch: 2, length: 6).Inputs;

    private static string Fails(Action action) => Assert.ThrowsExactly<ArgumentException>(action).Message;

    [TestMethod]
    public void AGoodBatchRunsAndGivesTheDocumentedShapes()
    {
        using var output = model.Forward(good);
        var config = TinyBatch.Config;
        CollectionAssert.AreEqual(new long[] { 2, config.NumMasked, config.PatchPixels }, output.PixelPred.shape);
        CollectionAssert.AreEqual(new long[] { 2, 6, config.VocabSize }, output.MlmLogits.shape);
        CollectionAssert.AreEqual(new long[] { 4, 2 }, output.VtmLogits.shape);
        CollectionAssert.AreEqual(new long[] { 2, config.EncoderEmbedDim }, output.TextFeatures.shape);
        CollectionAssert.AreEqual(new long[] { 2, 2 }, output.VtcSimilarity.shape);
        Assert.AreEqual(0, output.LossTotal.Dimensions);
    }

    [TestMethod]
    public void WrongFrameCountOrFrameSizeIsNamed()
    {
        var frames = Fails(() => model.Forward(good with { Video = good.Video[.., .., ..2] }));
        StringAssert.Contains(frames, "video must be [B, 3, 4, 32, 32], got [2, 3, 2, 32, 32]: 2 frames instead of num_frames 4");
        var size = Fails(() => dual.EmbedVideo(zeros(new long[] { 2, 3, 4, 32, 16 })));
        StringAssert.Contains(size, "width 16 instead of image_size 32");
        StringAssert.Contains(Fails(() => model.Forward(good with { Video = good.Video[0] })), "video must be [B, 3, 4, 32, 32]");
    }

    [TestMethod]
    public void EmptyCaptionBatchIsNamed()
    {
        var empty = Fails(() => dual.EmbedText(zeros(0, 5, ScalarType.Int64), zeros(0, 5, ScalarType.Int64)));
        StringAssert.Contains(empty, "input_ids is an empty caption batch [0, 5]");
        StringAssert.Contains(Fails(() => model.Forward(good with { InputIds = good.InputIds[..0] })), "empty caption batch");
    }

    [TestMethod]
    public void TokenIdsOutsideTheVocabularyOrTooLongTextAreNamed()
    {
        var ids = good.InputIds.clone();
        ids[1, 2] = tensor(30522L);
        StringAssert.Contains(Fails(() => model.Forward(good with { InputIds = ids })),
            "input_ids[1, 2] is 30522, outside the vocabulary [0, 30522) of vocab_size 30522");
        var negative = good.InputIds.clone();
        negative[0, 1] = tensor(-5L);
        StringAssert.Contains(Fails(() => dual.EmbedText(negative, good.AttentionMask)), "input_ids[0, 1] is -5");
        var longIds = full(2, 65, SpecialTokens.Mask);
        StringAssert.Contains(Fails(() => dual.EmbedText(longIds, ones_like(longIds))),
            "text length 65, which exceeds max_position_embeddings 64");
        StringAssert.Contains(Fails(() => model.Forward(good with { InputIds = good.InputIds.to(ScalarType.Int32) })), "input_ids must be int64");
    }

    [TestMethod]
    public void TubeMaskWithTheWrongNumberOfMaskedTokensIsNamed()
    {
        var mask = good.BoolMaskedPos.clone();
        var firstMasked = mask[1].nonzero()[0, 0].item<long>();
        mask[1, firstMasked] = tensor(false);
        StringAssert.Contains(Fails(() => model.Forward(good with { BoolMaskedPos = mask })),
            "bool_masked_pos row 1 masks 27 tokens, but the config's tube mask masks N_mask = 28 of N = 32 (video_mask_ratio 0.9)");
        StringAssert.Contains(Fails(() => model.Forward(good with { BoolMaskedPos = good.BoolMaskedPos[.., ..16] })),
            "bool_masked_pos must be [2, 32] (B, N video tokens of the config), got [2, 16]");
    }

    [TestMethod]
    public void BadMasksLabelsAndNegativesAreNamed()
    {
        StringAssert.Contains(Fails(() => model.Forward(good with { AttentionMask = good.AttentionMask * 2 })),
            "attention_mask[0, 0] is 2, not 0 (pad) or 1 (real token)");
        StringAssert.Contains(Fails(() => model.Forward(good with { MlmLabels = full_like(good.MlmLabels, SpecialTokens.IgnoreIndex) })),
            "mlm_labels hold no picked token (all -100)");
        StringAssert.Contains(Fails(() => model.Forward(good with { MlmLabels = good.MlmLabels[.., ..3] })),
            "mlm_labels must have the shape of input_ids [2, 6], got [2, 3]");
        StringAssert.Contains(Fails(() => model.Forward(good with { VtmNegIndex = tensor(new long[] { 1, 1 }) })),
            "vtm_neg_index[1] is 1; it must be a video index in [0, 2) other than 1");
        StringAssert.Contains(Fails(() => model.Forward(good with { VtmNegIndex = null })),
            "vtm_neg_index is required by the VTM negative policy Random");
        StringAssert.Contains(Fails(() => model.Forward(good with { InputIds = good.InputIds[..1], AttentionMask = good.AttentionMask[..1], MlmLabels = good.MlmLabels[..1] })),
            "input_ids must have the batch size 2 of video, got [1, 6]");
    }

    [TestMethod]
    public void ForwardLeavesTheCallersTensorsUnchanged()
    {
        var copies = new[] { good.Video, good.BoolMaskedPos, good.InputIds, good.AttentionMask, good.MlmLabels, good.VtmNegIndex! }
            .Select(t => t.clone()).ToArray();
        model.Forward(good).Dispose();
        var after = new[] { good.Video, good.BoolMaskedPos, good.InputIds, good.AttentionMask, good.MlmLabels, good.VtmNegIndex! };
        for (int i = 0; i < copies.Length; i++) Assert.IsTrue(copies[i].Equals(after[i]), $"input {i} is unchanged");
    }
}
