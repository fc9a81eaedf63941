using Vtp.Data;
using Vtp.Video;

namespace Vtp.Tests.Video;

[TestClass]
public sealed class ClipDecodeCacheTests
{
    private static string _folder = "";
    private static List<VideoTextSample> _videos = [];

    // Random multi-scale crops, so that two seeds ask for different decodes of the same file.
    private static ClipSamplingOptions Sampling(ClipDecodeCache? cache) =>
        new() { NumFrames = 4, Stride = 2, Size = 16, Temporal = TemporalSampling.Pretraining, Spatial = SpatialSampling.MultiScaleCrop, Cache = cache };

    [ClassInitialize]
    public static void CreateVideos(TestContext context)
    {
        _folder = TestMedia.NewFolder("decode-cache");
        _videos = Enumerable.Range(0, 3).Select(i => new VideoTextSample(
            TestMedia.Write(Path.Combine(_folder, $"noise{i}.mkv"), TestMedia.NoiseFrames(20, 48, 36, i), 48, 36, VideoEncoding.LosslessFfv1), $"noise {i}")).ToList();
    }

    [ClassCleanup]
    public static void DeleteVideos() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    public void Read_SharedCache_GivesTheUncachedPixelsAndDecodesOnce()
    {
        var cache = new ClipDecodeCache();
        var uncached = new VideoClipReader(Sampling(null)).Read(_videos[0].VideoPath, null, null, new Random(5));

        var first = new VideoClipReader(Sampling(cache)).Read(_videos[0].VideoPath, null, null, new Random(5));
        var second = new VideoClipReader(Sampling(cache)).Read(_videos[0].VideoPath, null, null, new Random(5));

        CollectionAssert.AreEqual(uncached.Pixels, first.Pixels, "a cached read must equal an uncached one");
        CollectionAssert.AreEqual(uncached.Pixels, second.Pixels, "a cache hit must equal an uncached read");
        CollectionAssert.AreEqual(uncached.FrameIndices[0], second.FrameIndices[0]);
        Assert.AreEqual((1, 1L, 1, 1L), (cache.DecodeCount, cache.DecodeHits, cache.ProbeCount, cache.ProbeHits));
        Assert.AreEqual(4 * 16 * 16 * 3, cache.DecodedBytes);
    }

    [TestMethod]
    public void Read_OtherCropOrFrames_DecodesAgainAndMatchesItsUncachedRead()
    {
        var cache = new ClipDecodeCache();
        var reader = new VideoClipReader(Sampling(cache));
        var seeds = Enumerable.Range(0, 6).ToList();

        var cached = seeds.Select(s => reader.Read(_videos[1].VideoPath, null, null, new Random(s))).ToList();
        var uncached = seeds.Select(s => new VideoClipReader(Sampling(null)).Read(_videos[1].VideoPath, null, null, new Random(s))).ToList();

        for (var i = 0; i < seeds.Count; i++) CollectionAssert.AreEqual(uncached[i].Pixels, cached[i].Pixels, $"seed {seeds[i]}");
        var distinct = uncached.Select(c => Convert.ToBase64String(c.Pixels.SelectMany(BitConverter.GetBytes).ToArray())).Distinct().Count();
        Assert.IsTrue(distinct > 1, "the seeds should pick more than one crop");
        Assert.AreEqual(seeds.Count, cache.DecodeCount + (int)cache.DecodeHits);
        Assert.IsTrue(cache.DecodeCount >= distinct, $"{cache.DecodeCount} decodes for {distinct} distinct clips");
    }

    [TestMethod]
    public void Read_FileRewritten_IsDecodedAgainNotServedStale()
    {
        var cache = new ClipDecodeCache();
        var path = TestMedia.Write(Path.Combine(_folder, "rewritten.mkv"), TestMedia.SolidFrames(20, 48, 36, 200, 0, 0), 48, 36, VideoEncoding.LosslessFfv1);
        var before = new VideoClipReader(Sampling(cache)).Read(path, null, null, new Random(1));
        TestMedia.Write(path, TestMedia.SolidFrames(21, 48, 36, 0, 0, 200), 48, 36, VideoEncoding.LosslessFfv1);

        var after = new VideoClipReader(Sampling(cache)).Read(path, null, null, new Random(1));

        var (red, blue) = ((200 / 255f - 0.485f) / 0.229f, (200 / 255f - 0.406f) / 0.225f);
        Assert.AreEqual(red, before.Pixels[0], 0.05f, "first read: red channel of the red video");
        Assert.AreEqual(blue, after.Pixels[2 * 4 * 16 * 16], 0.05f, "second read: blue channel of the rewritten, blue video");
        Assert.AreEqual((2, 0L), (cache.DecodeCount, cache.DecodeHits));
    }

    [TestMethod]
    public void ReadEpoch_TwoLoadersOneCache_SecondLoaderDecodesNothing()
    {
        var cache = new ClipDecodeCache();
        var options = new VideoLoaderOptions { Shuffle = true, Seed = 4, Sampling = Sampling(cache) };

        var first = new VideoLoader(_videos, options).ReadEpoch().ToList();
        var decodes = cache.DecodeCount;
        var second = new VideoLoader(_videos, options).ReadEpoch().ToList();

        Assert.AreEqual(_videos.Count, decodes);
        Assert.AreEqual((decodes, (long)_videos.Count), (cache.DecodeCount, cache.DecodeHits));
        for (var i = 0; i < first.Count; i++) CollectionAssert.AreEqual(first[i].Clip.Pixels, second[i].Clip.Pixels, $"position {i}");
        cache.Clear();
        Assert.AreEqual((0, 0L, 0, 0L), (cache.DecodeCount, cache.DecodeHits, cache.ProbeCount, cache.ProbeHits));
    }
}
