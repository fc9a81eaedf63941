using Vtp.Video;

namespace Vtp.Tests.Video;

[TestClass]
public sealed class VideoProbeTests
{
    private static string _folder = "";

    [ClassInitialize]
    public static void CreateFolder(TestContext context) => _folder = TestMedia.NewFolder("probe");

    [ClassCleanup]
    public static void DeleteFolder() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    public void Probe_H264Mp4_ReportsSizeRateCountDurationAndKeyframeInterval()
    {
        var path = TestMedia.Write(
            Path.Combine(_folder, "h264.mp4"), TestMedia.NoiseFrames(50, 64, 48, 1), 64, 48, TestMedia.H264WithGop(10), fps: 25);

        var info = VideoProbe.Probe(path);

        Assert.AreEqual("h264", info.Codec);
        Assert.AreEqual((64, 48, 0), (info.Width, info.Height, info.Rotation));
        Assert.AreEqual(25.0, info.FrameRate, 1e-9);
        Assert.AreEqual(50, info.FrameCount);
        Assert.AreEqual(2.0, info.Duration, 1e-6);
        Assert.IsTrue(info.IsConstantFrameRate);
        Assert.AreEqual(10, info.KeyframeInterval);
    }

    [TestMethod]
    public void Probe_MatroskaWithoutFrameCount_CountsPackets()
    {
        // Matroska stores no per-stream frame count, so the probe has to count packets.
        var path = TestMedia.Write(
            Path.Combine(_folder, "ffv1.mkv"), TestMedia.NoiseFrames(17, 33, 25, 2), 33, 25, VideoEncoding.LosslessFfv1, fps: 10);

        var info = VideoProbe.Probe(path);

        Assert.AreEqual("ffv1", info.Codec);
        Assert.AreEqual(17, info.FrameCount);
        Assert.AreEqual((33, 25), (info.DisplayWidth, info.DisplayHeight));
        Assert.AreEqual(10.0, info.FrameRate, 1e-9);
    }

    [TestMethod]
    public void Probe_RotatedVideo_SwapsDisplaySizeAndDecodesUpright()
    {
        const int w = 8, h = 6;
        var frames = TestMedia.NoiseFrames(3, w, h, 4);
        var upright = TestMedia.Write(Path.Combine(_folder, "upright.mp4"), frames, w, h, VideoEncoding.LosslessRgb);
        var rotated = Path.Combine(_folder, "rotated.mp4");
        TestMedia.Ffmpeg("-i", upright, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated);

        var info = VideoProbe.Probe(rotated);
        var decoded = VideoFrameDecoder.Decode(info, [1], FrameGeometry.Resize(h, w));

        Assert.AreEqual(90, info.Rotation);
        Assert.AreEqual((w, h, h, w), (info.Width, info.Height, info.DisplayWidth, info.DisplayHeight));
        // ffmpeg turns it a quarter counter-clockwise: output pixel (x, y) is source pixel (w-1-y, x).
        var source = TestMedia.Frame(frames, 1, w, h);
        for (var y = 0; y < w; y++)
        {
            for (var x = 0; x < h; x++)
            {
                var from = (x * w + (w - 1 - y)) * 3;
                CollectionAssert.AreEqual(source[from..(from + 3)], decoded.Rgb[((y * h + x) * 3)..((y * h + x) * 3 + 3)], $"pixel ({x},{y})");
            }
        }
    }

    [TestMethod]
    [DataRow("180", 180)]
    [DataRow("270", 270)]
    public void Probe_RotationTag_ComesBackAsAClockwiseQuarterTurn(string tag, int expected)
    {
        // ffprobe reports the display matrix of a 270 tag as -90; the probe normalises it.
        var upright = TestMedia.Write(
            Path.Combine(_folder, $"upright{tag}.mp4"), TestMedia.NoiseFrames(2, 8, 6, 5), 8, 6, VideoEncoding.LosslessRgb);
        var rotated = Path.Combine(_folder, $"rotated{tag}.mp4");
        TestMedia.Ffmpeg("-i", upright, "-c", "copy", "-metadata:s:v:0", $"rotate={tag}", rotated);

        var info = VideoProbe.Probe(rotated);

        Assert.AreEqual(expected, info.Rotation);
        Assert.AreEqual(expected == 180 ? (8, 6) : (6, 8), (info.DisplayWidth, info.DisplayHeight));
    }
}
