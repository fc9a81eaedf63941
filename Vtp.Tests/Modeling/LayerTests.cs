// Behaviour of the layers checked against hand-known values: drop path, sinusoid positions, the padded-key mask,
// the [PAD] row's gradient and unit retrieval embeddings.
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class LayerTests : ScopedTensorTest
{
    [TestMethod]
    public void DropPathKeepsOrDropsWholeSamplesAndIsOffInEval()
    {
        var x = ones(4000, 3, 2);
        using var dropPath = new DropPath(0.5, new Generator(3));
        var y = dropPath.call(x);
        var perSample = y.reshape(4000, 6);
        var kept = perSample[.., 0].eq(2.0);
        Assert.IsTrue(perSample.eq(perSample[.., ..1]).all().item<bool>(), "a sample is dropped or kept as a whole");
        Assert.IsTrue(kept.logical_or(perSample[.., 0].eq(0.0)).all().item<bool>(), "kept samples are scaled by 1/(1-0.5)");
        Assert.AreEqual(0.5, kept.to(ScalarType.Float64).mean().item<double>(), 0.04, "half the samples are kept");
        using var again = new DropPath(0.5, new Generator(3));
        Assert.IsTrue(again.call(x).Equals(y), "the same seed drops the same samples");
        dropPath.eval();
        Assert.IsTrue(dropPath.call(x).Equals(x), "identity in eval mode");
        Assert.IsTrue(new DropPath(0).call(x).Equals(x), "identity at rate 0");
    }

    [TestMethod]
    public void DropPathRatesRiseLinearlyOverTheBlocks()
    {
        using var encoder = new Encoder(SimVtpConfig.Tiny with { EncoderDepth = 3, DropPathRate = 0.2 });
        var rates = encoder.DropPathRates.ToArray();
        Assert.AreEqual(3, rates.Length);
        Assert.AreEqual(0.0, rates[0]);
        Assert.AreEqual(0.1, rates[1], 1e-7);
        Assert.AreEqual(0.2, rates[2], 1e-7);
        using var dual = new DualEncoder(SimVtpConfig.Tiny);
        Assert.AreEqual(0.1, dual.VideoEncoder.DropPathRates[^1], 1e-7, "fine-tuning drop path 0.1 by default");
    }

    /// <summary>With the patch embedding zeroed, token embeddings are the sinusoid table: position 0 is (0, 1, 0, 1, ...),
    /// position 1 starts sin(1), cos(1), sin(10000^(-2/64)), cos(10000^(-2/64)).</summary>
    [TestMethod]
    public void VideoTokensGetTheFixedSinusoidPositions()
    {
        using var encoder = new Encoder(SimVtpConfig.Tiny);
        using (no_grad())
            foreach (var (name, parameter) in encoder.named_parameters().Where(p => p.name.StartsWith("patch_embed.", StringComparison.Ordinal)))
                parameter.zero_();
        var tokens = encoder.EmbedVideo(randn(new long[] { 1, 3, 4, 32, 32 }));          // [1, 32, 64]
        var first = tokens[0, 0, ..4].data<float>().ToArray();
        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f, 1f }, first);
        var second = tokens[0, 1, ..4].to(ScalarType.Float64).data<double>().ToArray();
        var angle = Math.Pow(10000, -2.0 / 64);
        var expected = new[] { Math.Sin(1), Math.Cos(1), Math.Sin(angle), Math.Cos(angle) };
        for (int j = 0; j < 4; j++) Assert.AreEqual(expected[j], second[j], 1e-7, $"position 1, channel {j}");
    }

    [TestMethod]
    public void PaddedTextKeysDoNotReachTheRealTokens()
    {
        using var encoder = new Encoder(SimVtpConfig.Tiny);
        var text = randn(2, 5, 64);
        var attention = tensor(new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 0, 0 }, [2, 5]);
        var changed = text.clone();
        changed[1, 4] = randn(64) * 10;
        var before = encoder.EncodeText(text, attention);
        var after = encoder.EncodeText(changed, attention);
        Assert.IsTrue(before[.., ..3].allclose(after[.., ..3], rtol: 0, atol: 1e-6), "real tokens ignore the padded keys");
        Assert.IsTrue(before[0].Equals(after[0]), "other samples are untouched");
        Assert.IsFalse(before[1, 4].allclose(after[1, 4]), "the padded token itself still changes (it is a query)");
    }

    [TestMethod]
    public void ThePadRowOfTheWordEmbeddingsGetsNoGradient()
    {
        using var embeddings = new TextEmbeddings(SimVtpConfig.Tiny);
        var ids = tensor(new long[] { SpecialTokens.Cls, 500, SpecialTokens.Sep, SpecialTokens.Pad }, [1, 4]);
        embeddings.call(ids).pow(2).sum().backward();
        var grad = embeddings.named_parameters().Single(p => p.name == "word_embeddings.weight").parameter.grad!;
        Assert.AreEqual(0f, grad[SpecialTokens.Pad].abs().max().item<float>(), "the [PAD] row");
        Assert.IsTrue(grad[500].abs().max().item<float>() > 0, "a used token's row");
    }

    [TestMethod]
    public void RetrievalEmbeddingsAreUnitVectors()
    {
        using var dual = new DualEncoder(SimVtpConfig.Tiny);
        dual.eval();
        var batch = TinyBatch.Create(batch: 2, length: 5);
        var video = dual.EmbedVideo(batch.Inputs.Video);
        var text = dual.EmbedText(batch.InputIdsUnmasked, batch.Inputs.AttentionMask);
        Assert.IsTrue(video.norm(1).allclose(ones(2), rtol: 0, atol: 1e-5));
        Assert.IsTrue(text.norm(1).allclose(ones(2), rtol: 0, atol: 1e-5));
        var raw = dual.TextFeatures(batch.InputIdsUnmasked, batch.Inputs.AttentionMask);
        Assert.IsTrue(text.allclose(raw / raw.norm(1, keepdim: true), rtol: 0, atol: 1e-6), "the unit vectors of the raw features");
    }
}
