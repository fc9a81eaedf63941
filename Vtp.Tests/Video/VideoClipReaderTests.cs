using Vtp.Video;

namespace Vtp.Tests.Video;

[TestClass]
public sealed class VideoClipReaderTests
{
    private static string _folder = "";
    private static string _long = "";

    [ClassInitialize]
    public static void CreateVideos(TestContext context)
    {
        _folder = TestMedia.NewFolder("reader");
        _long = TestMedia.Write(Path.Combine(_folder, "long.mp4"), TestMedia.NoiseFrames(400, 32, 24, 1), 32, 24, TestMedia.LosslessWithGop(10));
    }

    [ClassCleanup]
    public static void DeleteVideos() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    public void Decode_Auto_SeeksForSparseFramesOfALongVideoAndSelectsForDenseOnes()
    {
        var info = VideoProbe.Probe(_long);
        var geometry = FrameGeometry.Resize(32, 24);

        var sparse = VideoFrameDecoder.Decode(info, [150, 390], geometry);
        var dense = VideoFrameDecoder.Decode(info, [0, 4, 8, 12], geometry);

        Assert.AreEqual(FrameDecodeStrategy.Seek, sparse.Strategy);
        Assert.AreEqual(FrameDecodeStrategy.Select, dense.Strategy);
    }

    [TestMethod]
    public void Read_TestViews_DeliversTemporalTimesSpatialViewsInOrder()
    {
        var reader = new VideoClipReader(new ClipSamplingOptions
        {
            Temporal = TemporalSampling.TestViews, NumFrames = 4, Stride = 4, TemporalViews = 2,
            Spatial = SpatialSampling.SpatialViews, SpatialViews = 3, Size = 12,
        });

        var clip = reader.Read(_long, null, null, new Random(0));

        // 32x24 -> short side 12: 16x12; crops at x = 0, 2, 4. Strided frames: 100; windows start at 0 and 96.
        Assert.AreEqual((6, 4, 12, 12), (clip.Views, clip.Frames, clip.Height, clip.Width));
        CollectionAssert.AreEqual(new[] { 0, 4, 8, 12 }, clip.FrameIndices[0]);
        CollectionAssert.AreEqual(new[] { 384, 388, 392, 396 }, clip.FrameIndices[1]);
        var frames = VideoFrameDecoder.Decode(_long, clip.FrameIndices[1], FrameGeometry.Resize(16, 12));
        var expected = FrameNormalizer.ToChannelsFirst(frames, new PixelRect(2, 0, 12, 12));
        CollectionAssert.AreEqual(expected, clip.View(4).ToArray(), "view 4 = second temporal window, middle crop");
    }

    [TestMethod]
    public void Read_StartAndEnd_SampleOnlyInsideTheWindow()
    {
        var reader = new VideoClipReader(new ClipSamplingOptions { Temporal = TemporalSampling.Uniform, NumFrames = 4, Size = 16 });

        // 25 fps: 2 s .. 4 s is frames 50..99; uniform middles of 4 segments of 50: 6, 18, 31, 43.
        var clip = reader.Read(_long, 2.0, 4.0, new Random(0));

        CollectionAssert.AreEqual(new[] { 56, 68, 81, 93 }, clip.FrameIndices[0]);
    }
}
