using Vtp.Data;
using Vtp.Video;

namespace Vtp.Tests.Video;

[TestClass]
public sealed class VideoLoaderTests
{
    private static readonly (byte R, byte G, byte B)[] Colours =
        [(250, 0, 0), (0, 250, 0), (0, 0, 250), (250, 250, 0), (0, 250, 250), (250, 0, 250)];

    private static readonly ClipSamplingOptions SmallClips =
        new() { NumFrames = 4, Stride = 2, Size = 16, Temporal = TemporalSampling.Pretraining };

    private static string _folder = "";
    private static List<VideoTextSample> _solid = [];
    private static List<VideoTextSample> _noise = [];

    [ClassInitialize]
    public static void CreateVideos(TestContext context)
    {
        _folder = TestMedia.NewFolder("loader");
        _solid = Colours.Select((c, i) => new VideoTextSample(
                TestMedia.Write(Path.Combine(_folder, $"solid{i}.mkv"), TestMedia.SolidFrames(12, 40, 30, c.R, c.G, c.B), 40, 30, VideoEncoding.LosslessFfv1),
                $"colour {i}"))
            .ToList();
        _noise = Enumerable.Range(0, 5).Select(i => new VideoTextSample(
                TestMedia.Write(Path.Combine(_folder, $"noise{i}.mkv"), TestMedia.NoiseFrames(20, 48, 36, i), 48, 36, VideoEncoding.LosslessFfv1),
                $"noise {i}"))
            .ToList();
    }

    [ClassCleanup]
    public static void DeleteVideos() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    public void ReadEpoch_Ordered_YieldsEachSampleInListOrderWithItsOwnPixels()
    {
        var loader = new VideoLoader(_solid, new VideoLoaderOptions { Workers = 3, Capacity = 3, Sampling = SmallClips });

        var clips = loader.ReadEpoch().ToList();

        CollectionAssert.AreEqual(Enumerable.Range(0, 6).ToArray(), clips.Select(c => c.SampleIndex).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 6).ToArray(), clips.Select(c => c.Position).ToArray());
        foreach (var clip in clips)
        {
            var (r, _, _) = Colours[clip.SampleIndex];
            var expectedRed = (r / 255f - 0.485f) / 0.229f;
            Assert.AreSame(_solid[clip.SampleIndex], clip.Sample);
            Assert.AreEqual(expectedRed, clip.Clip.Pixels[0], 0.05f, $"sample {clip.SampleIndex} carries another video's pixels");
            Assert.AreEqual(3 * 4 * 16 * 16, clip.Clip.Pixels.Length);
        }
    }

    [TestMethod]
    public void ReadEpoch_Shuffled_FollowsTheSeededOrderAndIsReproducible()
    {
        var options = new VideoLoaderOptions { Shuffle = true, Seed = 3, Sampling = SmallClips };
        var first = new VideoLoader(_noise, options);
        var second = new VideoLoader(_noise, options);

        var a = first.ReadEpoch(epoch: 1).ToList();
        var b = second.ReadEpoch(epoch: 1).ToList();

        var order = first.EpochOrder(1);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 5).ToArray(), order);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 5).ToArray(), order, "seed 3 should not leave the order unchanged");
        CollectionAssert.AreNotEqual(order, first.EpochOrder(2), "another epoch gets another order");
        CollectionAssert.AreEqual(order, a.Select(c => c.SampleIndex).ToArray());
        for (var i = 0; i < a.Count; i++)
        {
            CollectionAssert.AreEqual(a[i].Clip.Pixels, b[i].Clip.Pixels);
        }
    }

    [TestMethod]
    public void Shards_TakeEveryCountthPositionOfTheWholeOrderWithEqualShares()
    {
        var whole = new VideoLoader(_solid, new VideoLoaderOptions { Shuffle = true, Seed = 4, Sampling = SmallClips }).EpochOrder(2);
        var parts = Enumerable.Range(0, 4).Select(i => new VideoLoader(_solid,
            new VideoLoaderOptions { Shuffle = true, Seed = 4, Sampling = SmallClips, Shard = new DataShard(i, 4) })).ToList();

        // 6 samples over 4 parts: one each, positions 0-3 of the whole order; positions 4 and 5 are dropped this epoch
        for (var i = 0; i < 4; i++) CollectionAssert.AreEqual(new[] { whole[i] }, parts[i].EpochOrder(2), $"part {i}");
        var read = parts[1].ReadEpoch(epoch: 2).Single();
        Assert.AreEqual(whole[1], read.SampleIndex);
        Assert.AreEqual(0, read.Position, "positions count within the part");
        Assert.Throws<ArgumentException>(() => new VideoLoader(_solid, new VideoLoaderOptions { Shard = new DataShard(4, 4) }));
    }

    [TestMethod]
    public void ReadEpoch_ResultsDoNotDependOnTheNumberOfWorkers()
    {
        var sampling = new ClipSamplingOptions { NumFrames = 4, Stride = 3, Size = 16, FlipProbability = 0.5 };
        var one = new VideoLoader(_noise, new VideoLoaderOptions { Workers = 1, Capacity = 1, Seed = 9, Sampling = sampling });
        var three = new VideoLoader(_noise, new VideoLoaderOptions { Workers = 3, Capacity = 4, Seed = 9, Sampling = sampling });

        var a = one.ReadEpoch().ToList();
        var b = three.ReadEpoch().ToList();

        Assert.AreEqual(5, a.Count);
        for (var i = 0; i < a.Count; i++)
        {
            CollectionAssert.AreEqual(a[i].Clip.FrameIndices[0], b[i].Clip.FrameIndices[0]);
            CollectionAssert.AreEqual(a[i].Clip.Pixels, b[i].Clip.Pixels, $"clip {i}");
        }
    }

    [TestMethod]
    public void ReadEpoch_SkipAndReport_LeavesOutBadVideosAndReportsThem()
    {
        var text = Path.Combine(_folder, "text.mkv");
        File.WriteAllText(text, "not a video");
        List<VideoTextSample> samples = [_solid[0], new(Path.Combine(_folder, "missing.mkv"), "gone"), _solid[1], new(text, "text")];
        var reported = new List<SkippedSample>();
        var loader = new VideoLoader(samples, new VideoLoaderOptions
        {
            BadSamples = BadSamplePolicy.SkipAndReport, OnSkipped = reported.Add, Sampling = SmallClips,
        });

        var clips = loader.ReadEpoch().ToList();

        CollectionAssert.AreEqual(new[] { 0, 2 }, clips.Select(c => c.SampleIndex).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 3 }, reported.Select(s => s.SampleIndex).ToArray());
        CollectionAssert.AreEqual(reported, loader.Skipped.ToList());
        Assert.AreEqual(samples[1].VideoPath, reported[0].Error.FilePath);
        Assert.AreEqual(text, reported[1].Error.FilePath);
    }

    [TestMethod]
    public void ReadEpoch_Fail_ThrowsNamingTheBadFile()
    {
        var missing = Path.Combine(_folder, "absent.mkv");
        var loader = new VideoLoader([_solid[0], new(missing, "gone"), _solid[1]], new VideoLoaderOptions { Sampling = SmallClips });

        var seen = new List<int>();
        var e = Assert.ThrowsExactly<VideoDecodeException>(() =>
        {
            foreach (var clip in loader.ReadEpoch())
            {
                seen.Add(clip.SampleIndex);
            }
        });

        CollectionAssert.AreEqual(new[] { 0 }, seen, "clips before the bad one are delivered");
        StringAssert.Contains(e.Message, missing);
    }

    [TestMethod]
    [DoNotParallelize]
    public void ReadEpoch_Cancelled_ThrowsAndLeavesNoFfmpegRunning()
    {
        var longClips = Enumerable.Range(0, 4).Select(i => new VideoTextSample(
                TestMedia.Write(Path.Combine(_folder, $"long{i}.mkv"), TestMedia.NoiseFrames(120, 128, 96, i), 128, 96, VideoEncoding.LosslessFfv1),
                $"long {i}"))
            .ToList();
        var sampling = new ClipSamplingOptions { Temporal = TemporalSampling.Uniform, NumFrames = 8, Size = 32 };
        var loader = new VideoLoader(longClips, new VideoLoaderOptions { Workers = 2, Capacity = 4, Sampling = sampling });
        using var cancel = new CancellationTokenSource();

        var delivered = 0;
        Assert.ThrowsExactly<OperationCanceledException>(() =>
        {
            foreach (var _ in loader.ReadEpoch(cancellationToken: cancel.Token))
            {
                delivered++;
                cancel.Cancel();
            }
        });

        Assert.AreEqual(1, delivered);
        CollectionAssert.AreEqual(Array.Empty<int>(), TestMedia.FfmpegChildrenAfterSettling());
    }

    [TestMethod]
    [DoNotParallelize]
    public void ReadEpoch_LeftEarly_StopsTheWorkersAndTheirFfmpeg()
    {
        var loader = new VideoLoader(_noise, new VideoLoaderOptions { Workers = 2, Capacity = 4, Sampling = SmallClips });

        var first = loader.ReadEpoch().First();

        Assert.AreEqual(0, first.SampleIndex);
        CollectionAssert.AreEqual(Array.Empty<int>(), TestMedia.FfmpegChildrenAfterSettling());
    }
}
