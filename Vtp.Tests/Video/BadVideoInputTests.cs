using System.Text.RegularExpressions;
using Vtp.Video;

namespace Vtp.Tests.Video;

/// <summary>Every kind of bad input gives a <see cref="VideoDecodeException"/> naming the file, or the documented recovery.</summary>
[TestClass]
public sealed class BadVideoInputTests
{
    private static string _folder = "";
    private static string _faststart = "";

    [ClassInitialize]
    public static void CreateFolder(TestContext context)
    {
        _folder = TestMedia.NewFolder("bad");
        var plain = TestMedia.Write(Path.Combine(_folder, "plain.mp4"), TestMedia.NoiseFrames(50, 64, 64, 9), 64, 64, TestMedia.H264WithGop(10));
        _faststart = Path.Combine(_folder, "faststart.mp4");
        TestMedia.Ffmpeg("-i", plain, "-c", "copy", "-movflags", "+faststart", _faststart);
    }

    [ClassCleanup]
    public static void DeleteFolder() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    public void MissingFile_NamesTheFile()
    {
        var path = Path.Combine(_folder, "does-not-exist.mp4");
        var e = Assert.ThrowsExactly<VideoDecodeException>(() => VideoProbe.Probe(path));
        AssertNames(e, path, "does not exist");
        Assert.IsInstanceOfType<FileNotFoundException>(e.InnerException);
    }

    [TestMethod]
    public void ZeroLengthFile_NamesTheFile()
    {
        var path = Path.Combine(_folder, "empty.mp4");
        File.WriteAllBytes(path, []);
        AssertNames(Assert.ThrowsExactly<VideoDecodeException>(() => VideoProbe.Probe(path)), path, "empty");
    }

    [TestMethod]
    public void TextFile_NamesTheFileAndQuotesFfprobe()
    {
        var path = Path.Combine(_folder, "notes.mp4");
        File.WriteAllText(path, "this is not a video\n");
        var e = Assert.ThrowsExactly<VideoDecodeException>(() => VideoProbe.Probe(path));
        AssertNames(e, path, "ffprobe could not read");
        StringAssert.Contains(e.ToolOutput, "Invalid data");
    }

    [TestMethod]
    public void AudioOnlyFile_NamesTheFile()
    {
        var path = Path.Combine(_folder, "tone.m4a");
        TestMedia.Ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=0.5", "-c:a", "aac", path);
        AssertNames(Assert.ThrowsExactly<VideoDecodeException>(() => VideoProbe.Probe(path)), path, "no video stream");
    }

    [TestMethod]
    public void TruncatedMp4WithIndexAtTheEnd_FailsToProbe()
    {
        var path = Truncated(Path.Combine(_folder, "plain.mp4"), "truncated-plain.mp4");
        var e = Assert.ThrowsExactly<VideoDecodeException>(() => VideoProbe.Probe(path));
        AssertNames(e, path, "ffprobe could not read");
        StringAssert.Contains(e.ToolOutput, "moov atom not found");
    }

    [TestMethod]
    public void TruncatedMp4WithIndexAtTheStart_FailsToDecodeTheMissingFrames()
    {
        var path = Truncated(_faststart, "truncated-faststart.mp4");
        var info = VideoProbe.Probe(path);
        Assert.AreEqual(50, info.FrameCount, "the index still promises every frame");

        var e = Assert.ThrowsExactly<VideoDecodeException>(
            () => VideoFrameDecoder.Decode(info, TemporalSampler.Uniform(50, 8), FrameGeometry.Resize(32, 32)));
        AssertNames(e, path, "ffmpeg failed");
        StringAssert.Matches(e.Reason, new Regex(@"after [0-7] of 8 frames"));
        StringAssert.Contains(e.ToolOutput, "corrupt input packet");
    }

    [TestMethod]
    public void TruncatedMp4WithIndexAtTheStart_WithDecodeErrorsTolerated_RepeatsTheLastDeliveredFrame()
    {
        // Without -xerror ffmpeg exits cleanly after the frames the file still holds: the short count is what tells.
        var path = Truncated(_faststart, "truncated-faststart-tolerated.mp4");
        var decoded = VideoFrameDecoder.Decode(
            path, TemporalSampler.Uniform(50, 8), FrameGeometry.Resize(32, 32), new VideoDecodeOptions { TolerateDecodeErrors = true });

        Assert.AreEqual(8, decoded.FrameCount);
        Assert.IsTrue(decoded.RepeatedFrames is > 0 and < 8, $"{decoded.RepeatedFrames} of 8 frames repeated");
        CollectionAssert.AreEqual(decoded.Frame(8 - decoded.RepeatedFrames - 1).ToArray(), decoded.Frame(7).ToArray());
    }

    [TestMethod]
    public void UnsupportedCodec_ProbesAsUnknownAndFailsToDecodeQuotingFfmpeg()
    {
        // AVI names the codec by a FourCC in its header; one that no decoder knows leaves the stream without a codec.
        var mpeg4 = Path.Combine(_folder, "mpeg4.avi");
        TestMedia.Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=64x64:rate=25", "-t", "1", "-c:v", "mpeg4", mpeg4);
        var bytes = File.ReadAllBytes(mpeg4);
        var header = bytes.AsSpan().IndexOf("movi"u8);
        var path = Path.Combine(_folder, "unknown-codec.avi");
        File.WriteAllBytes(path, [.. ReplaceAll(bytes[..header], "FMP4"u8.ToArray(), "QQQQ"u8.ToArray()), .. bytes[header..]]);

        var info = VideoProbe.Probe(path);
        Assert.AreEqual("unknown", info.Codec);
        var e = Assert.ThrowsExactly<VideoDecodeException>(() => VideoFrameDecoder.Decode(info, [0], FrameGeometry.Resize(8, 8)));
        AssertNames(e, path, "ffmpeg failed");
        StringAssert.Contains(e.ToolOutput, "Decoder (codec none) not found");
    }

    [TestMethod]
    public void CorruptBytesInTheStream_FailTheDecodeInsteadOfConcealingThem()
    {
        // Overwrite the NAL length prefix of packet 25 with an impossible size.
        var bytes = File.ReadAllBytes(_faststart);
        var position = TestMedia.PacketPositions(_faststart)[25];
        bytes.AsSpan((int)position, 4).Fill(0x7F);
        var path = Path.Combine(_folder, "corrupt.mp4");
        File.WriteAllBytes(path, bytes);

        var e = Assert.ThrowsExactly<VideoDecodeException>(
            () => VideoFrameDecoder.Decode(path, Enumerable.Range(0, 50).ToArray(), FrameGeometry.Resize(32, 32)));
        AssertNames(e, path, "ffmpeg failed");
        StringAssert.Contains(e.ToolOutput, "Invalid NAL unit size");

        // With concealment allowed the same file decodes (damaged), which is why it is opt-in.
        var tolerated = VideoFrameDecoder.Decode(
            path, Enumerable.Range(0, 50).ToArray(), FrameGeometry.Resize(32, 32), new VideoDecodeOptions { TolerateDecodeErrors = true });
        Assert.AreEqual(50, tolerated.FrameCount);
    }

    [TestMethod]
    public void VideoLargerThanTheLimit_IsRefusedBeforeDecoding()
    {
        var options = new VideoDecodeOptions { MaxPixels = 64 * 63 };
        var e = Assert.ThrowsExactly<VideoDecodeException>(
            () => VideoFrameDecoder.Decode(_faststart, [0], FrameGeometry.Resize(8, 8), options));
        AssertNames(e, _faststart, "64x64 = 4096 pixels");
    }

    [TestMethod]
    public void WindowStartingAfterTheEnd_NamesTheFileAndTheWindow()
    {
        var reader = new VideoClipReader(new ClipSamplingOptions { NumFrames = 4, Size = 32 });
        var e = Assert.ThrowsExactly<VideoDecodeException>(() => reader.Read(_faststart, 5.0, 6.0, new Random(0)));
        AssertNames(e, _faststart, "start=5 s");
    }

    [TestMethod]
    public void ClipShorterThanTheSampledSpan_RepeatsTheLastReachedFrame()
    {
        // 50 frames are fewer than 16 x 4 = 64: the pre-training sampler starts at 0 and stops advancing at 48.
        var reader = new VideoClipReader(new ClipSamplingOptions { Size = 32 });
        var clip = reader.Read(_faststart, null, null, new Random(0));

        CollectionAssert.AreEqual(new[] { 0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 48, 48, 48 }, clip.FrameIndices[0]);
        var frame = 32 * 32;
        CollectionAssert.AreEqual(clip.Pixels.AsSpan(12 * frame, frame).ToArray(), clip.Pixels.AsSpan(15 * frame, frame).ToArray());
    }

    private static string Truncated(string source, string name)
    {
        var bytes = File.ReadAllBytes(source);
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 6 / 10)]);
        return path;
    }

    private static byte[] ReplaceAll(byte[] bytes, byte[] from, byte[] to)
    {
        var result = bytes.ToArray();
        for (var i = result.AsSpan().IndexOf(from); i >= 0; i = result.AsSpan().IndexOf(from))
        {
            to.CopyTo(result, i);
        }

        return result;
    }

    // Names the file and the reason, and quotes ffmpeg's own lines without its version banner.
    private static void AssertNames(VideoDecodeException e, string path, string reason)
    {
        Assert.AreEqual(path, e.FilePath);
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, reason);
        StringAssert.DoesNotMatch(e.Message, new Regex("ffmpeg version|ffprobe version|configuration:|built with|libavutil"));
    }
}
