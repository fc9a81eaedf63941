using Vtp.Video;

namespace Vtp.Tests.Video;

/// <summary>Frame-exact decoding: frames encoded losslessly must come back byte for byte, by either strategy.</summary>
[TestClass]
public sealed class VideoFrameDecoderTests
{
    private const int Width = 32, Height = 24, Count = 200;
    private static string _folder = "";
    private static byte[] _frames = [];
    private static string _lossless = "";

    [ClassInitialize]
    public static void CreateVideos(TestContext context)
    {
        _folder = TestMedia.NewFolder("decoder");
        _frames = TestMedia.NoiseFrames(Count, Width, Height, seed: 7);
        _lossless = TestMedia.Write(Path.Combine(_folder, "noise.mp4"), _frames, Width, Height, TestMedia.LosslessWithGop(8));
    }

    [ClassCleanup]
    public static void DeleteVideos() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    [DataRow(FrameDecodeStrategy.Select)]
    [DataRow(FrameDecodeStrategy.Seek)]
    public void Decode_LosslessVideo_ReturnsTheEncodedFramesInRequestOrder(FrameDecodeStrategy strategy)
    {
        // Unsorted, with a repeat, an arithmetic run (0, 4, 8, 12) and frames far enough apart that seeking splits
        // them into four ffmpeg inputs: [0..12], [90], [150, 151], [199].
        int[] wanted = [12, 0, 4, 8, 8, 150, 90, 199, 151];
        var decoded = VideoFrameDecoder.Decode(
            _lossless, wanted, FrameGeometry.Resize(Width, Height), new VideoDecodeOptions { Strategy = strategy });

        Assert.AreEqual(strategy, decoded.Strategy);
        Assert.AreEqual(wanted.Length, decoded.FrameCount);
        Assert.AreEqual(0, decoded.RepeatedFrames);
        for (var i = 0; i < wanted.Length; i++)
        {
            CollectionAssert.AreEqual(
                TestMedia.Frame(_frames, wanted[i], Width, Height), decoded.Frame(i).ToArray(), $"request {i} = frame {wanted[i]}");
        }
    }

    [TestMethod]
    public void Decode_LossyVideoWithCropScaleAndFlip_BothStrategiesGiveIdenticalBytes()
    {
        var frames = TestMedia.NoiseFrames(200, 64, 48, seed: 3);
        var path = TestMedia.Write(Path.Combine(_folder, "lossy.mp4"), frames, 64, 48, TestMedia.H264WithGop(12));
        var geometry = new FrameGeometry(20, 16) { SourceCrop = new PixelRect(5, 3, 41, 37), FlipHorizontal = true };
        int[] wanted = [5, 17, 18, 19, 80, 141, 199];

        var select = VideoFrameDecoder.Decode(path, wanted, geometry, new VideoDecodeOptions { Strategy = FrameDecodeStrategy.Select });
        var seek = VideoFrameDecoder.Decode(path, wanted, geometry, new VideoDecodeOptions { Strategy = FrameDecodeStrategy.Seek });

        Assert.AreEqual(FrameDecodeStrategy.Seek, seek.Strategy);
        Assert.AreEqual(wanted.Length * 20 * 16 * 3, select.Rgb.Length);
        CollectionAssert.AreEqual(select.Rgb, seek.Rgb);
    }

    [TestMethod]
    public void Decode_SourceCropAtOddOffsets_EqualsTheCropOfTheOriginal()
    {
        // FFV1 keeps odd sizes and exact RGB; the crop is not resized, so the oracle is a plain sub-rectangle.
        const int w = 33, h = 25;
        var frames = TestMedia.NoiseFrames(4, w, h, seed: 11);
        var path = TestMedia.Write(Path.Combine(_folder, "odd.mkv"), frames, w, h, VideoEncoding.LosslessFfv1);
        var crop = new PixelRect(3, 5, 17, 11);

        var decoded = VideoFrameDecoder.Decode(path, [2], new FrameGeometry(17, 11) { SourceCrop = crop });

        CollectionAssert.AreEqual(CropOf(TestMedia.Frame(frames, 2, w, h), w, crop, mirror: false), decoded.Rgb);
    }

    [TestMethod]
    public void Decode_OutputCropAndFlip_EqualsTheMirroredCropOfTheOriginal()
    {
        var crop = new PixelRect(7, 2, 16, 20);
        var geometry = new FrameGeometry(Width, Height) { OutputCrop = crop, FlipHorizontal = true };

        var decoded = VideoFrameDecoder.Decode(_lossless, [9], geometry);

        CollectionAssert.AreEqual(CropOf(TestMedia.Frame(_frames, 9, Width, Height), Width, crop, mirror: true), decoded.Rgb);
    }

    [TestMethod]
    public void Decode_ResizeOfSolidColour_KeepsTheColour()
    {
        var frames = TestMedia.SolidFrames(3, 40, 30, 200, 30, 90);
        var path = TestMedia.Write(Path.Combine(_folder, "solid.mkv"), frames, 40, 30, VideoEncoding.LosslessFfv1);

        var decoded = VideoFrameDecoder.Decode(path, [1], FrameGeometry.Resize(17, 13));

        Assert.AreEqual(17 * 13 * 3, decoded.Rgb.Length);
        CollectionAssert.AreEqual(TestMedia.SolidFrames(1, 17, 13, 200, 30, 90), decoded.Rgb);
    }

    [TestMethod]
    public void Decode_ContainerPromisesMoreFramesThanTheStreamHolds_RepeatsTheLastFrame()
    {
        // As if the container's frame count were 3 too high: frames Count..Count+2 do not exist in the stream.
        var info = VideoProbe.Probe(_lossless) with { FrameCount = Count + 3 };

        var decoded = VideoFrameDecoder.Decode(info, [Count - 2, Count - 1, Count, Count + 2], FrameGeometry.Resize(Width, Height));

        Assert.AreEqual(2, decoded.RepeatedFrames);
        var last = TestMedia.Frame(_frames, Count - 1, Width, Height);
        CollectionAssert.AreEqual(TestMedia.Frame(_frames, Count - 2, Width, Height), decoded.Frame(0).ToArray());
        CollectionAssert.AreEqual(last, decoded.Frame(1).ToArray());
        CollectionAssert.AreEqual(last, decoded.Frame(2).ToArray());
        CollectionAssert.AreEqual(last, decoded.Frame(3).ToArray());
    }

    [TestMethod]
    public void Decode_FrameNumberOutsideTheVideo_ThrowsNamingFrameAndFile()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => VideoFrameDecoder.Decode(_lossless, [3, Count], FrameGeometry.Resize(Width, Height)));
        StringAssert.Contains(e.Message, $"Frame {Count}");
        StringAssert.Contains(e.Message, "noise.mp4");
    }

    [TestMethod]
    public void Decode_CropOutsideTheFrame_ThrowsNamingCropAndFile()
    {
        var geometry = new FrameGeometry(8, 8) { SourceCrop = new PixelRect(20, 0, 16, 16) };
        var e = Assert.ThrowsExactly<ArgumentException>(() => VideoFrameDecoder.Decode(_lossless, [0], geometry));
        StringAssert.Contains(e.Message, "16x16+20+0");
        StringAssert.Contains(e.Message, "noise.mp4");
    }

    [TestMethod]
    [DoNotParallelize]
    public void Decode_Cancelled_ThrowsAndLeavesNoFfmpegRunning()
    {
        var frames = TestMedia.NoiseFrames(300, 160, 120, seed: 5);
        var path = TestMedia.Write(Path.Combine(_folder, "long.mkv"), frames, 160, 120, VideoEncoding.LosslessFfv1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        Assert.ThrowsExactly<OperationCanceledException>(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                VideoFrameDecoder.Decode(path, [299], FrameGeometry.Resize(160, 120), cancellationToken: cancel.Token);
            }
        });

        CollectionAssert.AreEqual(Array.Empty<int>(), TestMedia.FfmpegChildrenAfterSettling());
    }

    private static byte[] CropOf(byte[] frame, int width, PixelRect crop, bool mirror)
    {
        var result = new byte[crop.Width * crop.Height * 3];
        for (var y = 0; y < crop.Height; y++)
        {
            for (var x = 0; x < crop.Width; x++)
            {
                var sourceX = crop.X + (mirror ? crop.Width - 1 - x : x);
                var source = ((crop.Y + y) * width + sourceX) * 3;
                frame.AsSpan(source, 3).CopyTo(result.AsSpan((y * crop.Width + x) * 3));
            }
        }

        return result;
    }
}
