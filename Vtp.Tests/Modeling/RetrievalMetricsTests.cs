// Retrieval metrics on hand-made similarity matrices whose ranks, recalls and mean/median ranks are computed by hand.
using Vtp.Modeling;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class RetrievalMetricsTests
{
    private static void AssertScores(RetrievalScores expected, RetrievalScores actual, string what)
    {
        Assert.AreEqual(expected.R1, actual.R1, 1e-9, $"{what} R@1");
        Assert.AreEqual(expected.R5, actual.R5, 1e-9, $"{what} R@5");
        Assert.AreEqual(expected.R10, actual.R10, 1e-9, $"{what} R@10");
        Assert.AreEqual(expected.R50, actual.R50, 1e-9, $"{what} R@50");
        Assert.AreEqual(expected.MedianRank, actual.MedianRank, 1e-9, $"{what} MdR");
        Assert.AreEqual(expected.MeanRank, actual.MeanRank, 1e-9, $"{what} MnR");
        Assert.AreEqual(expected.GeometricMean, actual.GeometricMean, 1e-9, $"{what} geometric mean");
    }

    /// <summary>
    /// Text ranks (0-based, ties optimistic): row 0 ties its match (0.9) with column 2 -> 0; row 1 has 0.5, 0.4, 0.6
    /// above 0.3 -> 3; row 2 has 0.8 above 0.7 -> 1; row 3 is all ties -> 0. Video ranks by column: 0, 1, 1, 1.
    /// </summary>
    [TestMethod]
    public void TiesAreBrokenOptimisticallyInBothDirections()
    {
        float[] sims =
        [
            0.9f, 0.1f, 0.9f, 0.2f,
            0.5f, 0.3f, 0.4f, 0.6f,
            0.2f, 0.8f, 0.7f, 0.1f,
            0.3f, 0.3f, 0.3f, 0.3f,
        ];
        var report = RetrievalMetrics.Compute(sims, 4, 4);
        // ranks 0, 3, 1, 0: two of four at rank 0; median of (0, 0, 1, 3) is 0.5; mean 1
        AssertScores(new RetrievalScores(50, 100, 100, 100, 1.5, 2.0, Math.Cbrt(50.0 * 100 * 100)), report.TextToVideo, "t2v");
        // ranks 0, 1, 1, 1: one of four at rank 0; median 1; mean 0.75
        AssertScores(new RetrievalScores(25, 100, 100, 100, 2.0, 1.75, Math.Cbrt(25.0 * 100 * 100)), report.VideoToText, "v2t");
        using var asTensor = TorchSharp.torch.tensor(sims, [4, 4], TorchSharp.torch.ScalarType.Float64);
        Assert.AreEqual(report, RetrievalMetrics.Compute(asTensor), "a similarity tensor gives the same report");
    }

    /// <summary>A staircase: caption i scores 1 with every video j &lt; i and 0.5 with its own, so its rank is i.</summary>
    [TestMethod]
    public void RanksZeroToNMinusOneGiveTheRecallLadder()
    {
        const int n = 60;
        var sims = new float[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                sims[i * n + j] = j < i ? 1f : j == i ? 0.5f : 0f;
        var report = RetrievalMetrics.Compute(sims, n, n);
        var expected = new RetrievalScores(100.0 / 60, 500.0 / 60, 1000.0 / 60, 5000.0 / 60, 30.5, 30.5,
            100.0 / 60 * Math.Cbrt(1.0 * 5 * 10));
        AssertScores(expected, report.TextToVideo, "t2v");
        AssertScores(expected, report.VideoToText, "v2t: video j is outscored by captions i > j");
    }

    [TestMethod]
    public void AZeroRecallGivesAZeroGeometricMean()
    {
        float[] sims = [0f, 1f, 1f, 0f];
        var report = RetrievalMetrics.Compute(sims, 2, 2);
        AssertScores(new RetrievalScores(0, 100, 100, 100, 2, 2, 0), report.TextToVideo, "t2v");
    }

    [TestMethod]
    public void BadMatricesAreRejected()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => RetrievalMetrics.Compute(new float[6], 2, 3)).Message,
            "non-empty square [texts, videos] matrix with matches on the diagonal, got [2, 3]");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => RetrievalMetrics.Compute(new float[3], 2, 2)).Message,
            "similarity holds 3 values, but [2, 2] needs 4");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => RetrievalMetrics.Compute([0f, float.NaN, 0f, 0f], 2, 2)).Message,
            "similarity[0, 1] is NaN");
    }
}
