using System.Runtime.Versioning;
using Vtp.Video;

namespace Vtp.Tests.Video;

/// <summary><see cref="FfmpegTools"/> paths reach FFMpegCore, which runs a file named ffprobe/ffmpeg from a folder.</summary>
[TestClass]
[DoNotParallelize]
[UnsupportedOSPlatform("windows")] // the stand-in tools are shell scripts
public sealed class FfmpegToolsTests
{
    private static string _folder = "";
    private static string _video = "";

    [ClassInitialize]
    public static void CreateVideoAndTools(TestContext context)
    {
        _folder = TestMedia.NewFolder("tools");
        _video = TestMedia.Write(Path.Combine(_folder, "v.mkv"), TestMedia.NoiseFrames(3, 8, 8, 1), 8, 8, VideoEncoding.LosslessFfv1);
        Directory.CreateDirectory(Path.Combine(_folder, "bin"));
        foreach (var (name, tool) in new[] { ("ffmpeg", "ffmpeg"), ("ffprobe", "ffprobe"), ("avprobe", "ffprobe") })
        {
            WriteWrapper(Tool(name), OnPath(tool));
        }
    }

    [ClassCleanup]
    public static void DeleteFolder() => TestMedia.DeleteFolder(_folder);

    [TestMethod]
    public void FullPathsToTheTools_AreTheOnesThatRun()
    {
        File.Delete(Tool("ran"));
        var decoded = WithTools(Tool("ffmpeg"), Tool("ffprobe"), () => VideoFrameDecoder.Decode(_video, [2], FrameGeometry.Resize(8, 8)));

        Assert.AreEqual(1, decoded.FrameCount);
        var ran = File.ReadAllLines(Tool("ran"));
        CollectionAssert.IsSubsetOf(new[] { Tool("ffprobe"), Tool("ffmpeg") }, ran);
    }

    [TestMethod]
    [DataRow("/nonexistent/ffprobe")]
    [DataRow("avprobe")]
    public void ProbePathThatHoldsNoFfprobe_IsRefusedNamingTheVariable(string name)
    {
        // FFMpegCore itself would run the ffprobe on PATH instead.
        var ffprobe = name.StartsWith('/') ? name : Tool(name);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => WithTools("ffmpeg", ffprobe, () => VideoProbe.Probe(_video)));
        StringAssert.Contains(e.Message, ffprobe);
        StringAssert.Contains(e.Message, "VTP_FFPROBE");
    }

    [TestMethod]
    public void DecoderPathThatHoldsNoFfmpeg_IsRefusedNamingTheVariable()
    {
        var info = VideoProbe.Probe(_video);
        var e = Assert.ThrowsExactly<InvalidOperationException>(
            () => WithTools("/nonexistent/ffmpeg", "ffprobe", () => VideoFrameDecoder.Decode(info, [0], FrameGeometry.Resize(8, 8))));
        StringAssert.Contains(e.Message, "/nonexistent/ffmpeg");
        StringAssert.Contains(e.Message, "VTP_FFMPEG");
    }

    private static T WithTools<T>(string ffmpeg, string ffprobe, Func<T> action)
    {
        var (oldFfmpeg, oldFfprobe) = (FfmpegTools.Ffmpeg, FfmpegTools.Ffprobe);
        (FfmpegTools.Ffmpeg, FfmpegTools.Ffprobe) = (ffmpeg, ffprobe);
        try
        {
            return action();
        }
        finally
        {
            (FfmpegTools.Ffmpeg, FfmpegTools.Ffprobe) = (oldFfmpeg, oldFfprobe);
        }
    }

    private static string Tool(string name) => Path.Combine(_folder, "bin", name);

    // A shell script that notes its own path in bin/ran and runs the real tool.
    private static void WriteWrapper(string path, string tool)
    {
        File.WriteAllText(path, $"#!/bin/sh\necho \"$0\" >> '{Tool("ran")}'\nexec '{tool}' \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string OnPath(string name) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).First(File.Exists);
}
