// TubeMaskGenerator and VtmNegativeSampler: counts, structure, seeding and the distributions of their draws.
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class MaskAndNegativeSamplerTests : ScopedTensorTest
{
    [TestMethod]
    public void BaseTubeMasksHide176OfEvery196PositionsWithOneSpatialMaskTiledOverTime()
    {
        var mask = new TubeMaskGenerator(SimVtpConfig.Base, new Random(3)).Next(2);        // [2, 1568]
        CollectionAssert.AreEqual(new long[] { 2, 1568 }, mask.shape);
        Assert.AreEqual(ScalarType.Bool, mask.dtype);
        var slices = mask.reshape(2, 8, 196);                                               // [B, t, h*w]
        CollectionAssert.AreEqual(Enumerable.Repeat(176L, 16).ToArray(), slices.sum(2, type: ScalarType.Int64).flatten().data<long>().ToArray(),
            "int(0.9 * 196) masked in every temporal slice");
        for (int t = 1; t < 8; t++) Assert.IsTrue(slices[.., t].Equals(slices[.., 0]), $"slice {t} repeats slice 0");
        Assert.IsFalse(slices[0, 0].Equals(slices[1, 0]), "each sample draws its own spatial mask");
    }

    [TestMethod]
    public void TubeMasksAreSeededAndEveryPositionIsEquallyLikely()
    {
        var config = SimVtpConfig.Tiny;                                                     // 16 positions, 14 masked
        Assert.IsTrue(new TubeMaskGenerator(config, new Random(8)).Next(4).Equals(new TubeMaskGenerator(config, new Random(8)).Next(4)));
        Assert.IsFalse(new TubeMaskGenerator(config, new Random(8)).Next(4).Equals(new TubeMaskGenerator(config, new Random(9)).Next(4)));
        const int samples = 4000;
        var rate = new TubeMaskGenerator(config, new Random(1)).Next(samples).to(ScalarType.Float64).mean([0]).data<double>().ToArray();
        var sigma = Math.Sqrt(14.0 / 16 * 2 / 16 / samples);
        foreach (var r in rate) Assert.AreEqual(14.0 / 16, r, 5 * sigma, "each position is masked 14 times in 16");
    }

    [TestMethod]
    public void PerSampleTubeMasks_RowIIsWhatItsOwnSourceDrawsAlone()
    {
        var config = SimVtpConfig.Tiny;
        var together = TubeMaskGenerator.ForSamples(config, [new Random(5), new Random(6), new Random(7)]);
        for (int i = 0; i < 3; i++)
            Assert.IsTrue(together[i].Equals(new TubeMaskGenerator(config, new Random(5 + i)).Next(1)[0]), $"row {i}");
        Assert.Throws<ArgumentException>(() => TubeMaskGenerator.ForSamples(config, []));
    }

    [TestMethod]
    public void UniformNegativesAreAnyOtherVideoWithEqualOdds()
    {
        var sampler = new VtmNegativeSampler(new Random(4));
        var counts = new int[5, 5];
        const int draws = 4000;
        for (int d = 0; d < draws; d++)
        {
            var negatives = sampler.Uniform(5).data<long>().ToArray();
            for (int i = 0; i < 5; i++) counts[i, negatives[i]]++;
        }
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
                if (i == j) Assert.AreEqual(0, counts[i, j], "never the positive");
                else Assert.AreEqual(0.25, counts[i, j] / (double)draws, 0.035, $"caption {i}, video {j}");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sampler.Uniform(1));
    }

    /// <summary>softmax(S/tau) over the other videos: row 0 gives video 1 e^8/(e^8+e^7), row 1 gives video 2
    /// e^3/(e^1+e^3), row 2 splits evenly.</summary>
    [TestMethod]
    public void HardNegativesFollowTheSoftmaxOfTheOtherSimilarities()
    {
        var similarity = tensor(new[] { 0.9f, 0.8f, 0.7f, 0.1f, 0.2f, 0.3f, 0.5f, 0.5f, 0.5f }, [3, 3]);
        var sampler = new VtmNegativeSampler(new Random(6));
        var counts = new int[3, 3];
        const int draws = 4000;
        for (int d = 0; d < draws; d++)
        {
            var negatives = sampler.FromSimilarity(similarity, 0.1).data<long>().ToArray();
            for (int i = 0; i < 3; i++) counts[i, negatives[i]]++;
        }
        Assert.AreEqual(0, counts[0, 0] + counts[1, 1] + counts[2, 2], "never the positive");
        Assert.AreEqual(1 / (1 + Math.Exp(-1)), counts[0, 1] / (double)draws, 0.035);
        Assert.AreEqual(1 / (1 + Math.Exp(-2)), counts[1, 2] / (double)draws, 0.035);
        Assert.AreEqual(0.5, counts[2, 0] / (double)draws, 0.035);
    }

    [TestMethod]
    public void HardFromVtcPolicyDrawsSeededNegativesInsideTheForward()
    {
        var batch = TinyBatch.Create(batch: 4, length: 6).Inputs with { VtmNegIndex = null };
        var options = new SimVtpPretrainOptions { VtmNegatives = VtmNegativePolicy.HardFromVtc, HardNegativeSeed = 2 };
        using var first = new SimVtpPretrainModel(SimVtpConfig.Tiny, options);
        using var second = new SimVtpPretrainModel(SimVtpConfig.Tiny, options);
        first.eval();
        second.eval();
        using var a = first.Forward(batch);
        using var b = second.Forward(batch);
        var negatives = a.VtmNegIndex.data<long>().ToArray();
        for (int i = 0; i < negatives.Length; i++) Assert.AreNotEqual((long)i, negatives[i], $"caption {i} gets another video");
        Assert.IsTrue(a.VtmNegIndex.Equals(b.VtmNegIndex), "same seed, same weights: same negatives");
        Assert.IsTrue(float.IsFinite(a.LossVtm.item<float>()));
    }
}
