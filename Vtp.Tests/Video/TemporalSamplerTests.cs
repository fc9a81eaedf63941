using Vtp.Video;

namespace Vtp.Tests.Video;

/// <summary>Frame indices against values worked out by hand from SIMVTP.md 1.1 and 1.5.</summary>
[TestClass]
public sealed class TemporalSamplerTests
{
    [TestMethod]
    public void Pretraining_LongClip_StridesFromAStartInTheAllowedRange()
    {
        var starts = new HashSet<int>();
        for (var seed = 0; seed < 400; seed++)
        {
            var indices = TemporalSampler.Pretraining(100, 16, 4, new Random(seed));
            var start = indices[0];
            Assert.IsTrue(start is >= 0 and <= 36, $"start {start} outside [0, 100-64]");
            CollectionAssert.AreEqual(Enumerable.Range(0, 16).Select(i => start + 4 * i).ToArray(), indices);
            starts.Add(start);
        }

        Assert.AreEqual(37, starts.Count, "every start in [0, 36] should occur in 400 draws");
    }

    [TestMethod]
    public void Pretraining_SameSeed_SameIndices()
    {
        CollectionAssert.AreEqual(
            TemporalSampler.Pretraining(500, 16, 4, new Random(42)), TemporalSampler.Pretraining(500, 16, 4, new Random(42)));
    }

    [TestMethod]
    [DataRow(64, new[] { 0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60 })]
    [DataRow(63, new[] { 0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60 })]
    [DataRow(10, new[] { 0, 4, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8 })]
    [DataRow(9, new[] { 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 })]
    [DataRow(5, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Pretraining_ShortClip_StartsAtZeroAndRepeatsTheLastReachedFrame(int frameCount, int[] expected)
    {
        // The loader advances only while the next index is at most n-2 (VideoMAE's 1-based "offset + step < n").
        CollectionAssert.AreEqual(expected, TemporalSampler.Pretraining(frameCount, 16, 4, new Random(0)));
    }

    [TestMethod]
    public void FineTuneTraining_LongClip_LinspaceOverTheDrawnWindow()
    {
        // end = 80 -> start 16; linspace(16, 80, 16) = 16 + k*64/15, truncated; the last (80) clipped to 79.
        var indices = TemporalSampler.FineTuneTraining(100, 16, 64, new FixedRandom(80));
        CollectionAssert.AreEqual(new[] { 16, 20, 24, 28, 33, 37, 41, 45, 50, 54, 58, 62, 67, 71, 75, 79 }, indices);
    }

    [TestMethod]
    public void FineTuneTraining_LongClip_DrawsTheEndFromWindowToLastFrame()
    {
        var random = new FixedRandom(64);
        TemporalSampler.FineTuneTraining(100, 16, 64, random);
        Assert.AreEqual((64, 100), random.LastRange, "end = randint(64, n), n exclusive");
    }

    [TestMethod]
    public void FineTuneTraining_ShortClip_LinspaceOverAllFramesPaddedWithTheLast()
    {
        // n = 40: linspace(0, 40, 40 // 4 = 10) = k*40/9 -> 0 4 8 13 17 22 26 31 35 40; padded with 40; clipped to 39.
        var indices = TemporalSampler.FineTuneTraining(40, 16, 64, new Random(0));
        CollectionAssert.AreEqual(new[] { 0, 4, 8, 13, 17, 22, 26, 31, 35, 39, 39, 39, 39, 39, 39, 39 }, indices);
    }

    [TestMethod]
    public void TestViews_LongClip_ThreeWindowsOverTheStridedFrames()
    {
        // range(0, 100, 4) has 25 frames; windows of 16 start at int(k * 9 / 2) = 0, 4, 9 (in strided frames).
        var views = TemporalSampler.TestViews(100, 16, 4, 3);
        Assert.AreEqual(3, views.Length);
        CollectionAssert.AreEqual(Enumerable.Range(0, 16).Select(i => 4 * i).ToArray(), views[0]);
        CollectionAssert.AreEqual(Enumerable.Range(4, 16).Select(i => 4 * i).ToArray(), views[1]);
        CollectionAssert.AreEqual(Enumerable.Range(9, 16).Select(i => 4 * i).ToArray(), views[2]);
    }

    [TestMethod]
    public void TestViews_ShortClip_PadsWithTheLastStridedFrame()
    {
        // range(0, 30, 4) = 0..28 (8 frames), padded with 28 to 16; every window starts at 0.
        int[] expected = [0, 4, 8, 12, 16, 20, 24, 28, 28, 28, 28, 28, 28, 28, 28, 28];
        foreach (var view in TemporalSampler.TestViews(30, 16, 4, 3))
        {
            CollectionAssert.AreEqual(expected, view);
        }
    }

    [TestMethod]
    public void Uniform_TakesSegmentMiddles()
    {
        // floor((2i+1) * 10 / 8) for i = 0..3.
        CollectionAssert.AreEqual(new[] { 1, 3, 6, 8 }, TemporalSampler.Uniform(10, 4));
        CollectionAssert.AreEqual(new[] { 0, 0, 1, 1 }, TemporalSampler.Uniform(2, 4));
    }

    [TestMethod]
    public void Window_FromSeconds_FloorsTheStartAndCeilsTheEnd()
    {
        var info = new VideoInfo("v.mp4", 0, "h264", 64, 64, 0, 25, 250, 10, true, 25);
        Assert.AreEqual(new FrameWindow(25, 38), FrameWindow.FromSeconds(info, 1.0, 2.5));
        Assert.AreEqual(new FrameWindow(26, 224), FrameWindow.FromSeconds(info, 1.05, 99));
        Assert.AreEqual(new FrameWindow(0, 250), FrameWindow.FromSeconds(info, null, null));
    }

    [TestMethod]
    public void Sampler_NonPositiveFrameCount_ThrowsNamingTheValue()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TemporalSampler.Uniform(0, 4));
        StringAssert.Contains(e.Message, "frameCount must be positive, got 0");
    }

    /// <summary>A <see cref="Random"/> whose <c>Next(min, max)</c> returns a chosen value (and remembers the range).</summary>
    private sealed class FixedRandom(int value) : Random
    {
        public (int Min, int Max) LastRange { get; private set; }

        public override int Next(int minValue, int maxValue)
        {
            LastRange = (minValue, maxValue);
            return value;
        }
    }
}
