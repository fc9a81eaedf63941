using FFMpegCore;
using Vtp.Video;

namespace Vtp.Tests.Video;

/// <summary><see cref="RawVideoWriter"/>: frames piped through FFMpegCore into ffmpeg; failures and abandonment.</summary>
[TestClass]
public sealed class RawVideoWriterTests
{
    private static string _folder = "";

    [ClassInitialize]
    public static void CreateFolder(TestContext context) => _folder = TestMedia.NewFolder("writer");

    [ClassCleanup]
    public static void DeleteFolder() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    public void ExtraArguments_ReachFfmpegOneByOne_EvenWithSpacesQuotesAndBackslashes()
    {
        const string comment = @"two words, ""quoted"" and a back\slash\";
        var encoding = VideoEncoding.LosslessFfv1 with { ExtraArguments = [.. VideoEncoding.LosslessFfv1.ExtraArguments, "-metadata", $"comment={comment}"] };
        var path = TestMedia.Write(Path.Combine(_folder, "tagged.mkv"), TestMedia.NoiseFrames(2, 8, 8, 1), 8, 8, encoding);

        var tags = FFProbe.Analyse(path).Format.Tags!;
        Assert.AreEqual(comment, tags.First(t => t.Key.Equals("comment", StringComparison.OrdinalIgnoreCase)).Value);
    }

    [TestMethod]
    public void UnknownEncoder_FailsNamingTheFileAndQuotingFfmpeg()
    {
        var path = Path.Combine(_folder, "bad.mkv");
        var e = Assert.ThrowsExactly<IOException>(() => TestMedia.Write(
            path, TestMedia.NoiseFrames(2, 8, 8, 1), 8, 8, VideoEncoding.LosslessFfv1 with { Codec = "no-such-encoder" }));

        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "Unknown encoder 'no-such-encoder'");
        Assert.IsFalse(e.Message.Contains("ffmpeg version", StringComparison.Ordinal), e.Message);
        Assert.IsFalse(File.Exists(path));
    }

    [TestMethod]
    [DoNotParallelize]
    public void DisposedWithoutComplete_DeletesThePartialFileAndLeavesNoFfmpeg()
    {
        var path = Path.Combine(_folder, "abandoned.mkv");
        using (var writer = new RawVideoWriter(path, 8, 8, 25, VideoEncoding.LosslessFfv1))
        {
            writer.WriteFrame(TestMedia.NoiseFrames(1, 8, 8, 2));
        }

        Assert.IsFalse(File.Exists(path));
        CollectionAssert.AreEqual(Array.Empty<int>(), TestMedia.FfmpegChildrenAfterSettling());
    }
}
