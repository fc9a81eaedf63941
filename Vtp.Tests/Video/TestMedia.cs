using System.Diagnostics;
using Vtp.Video;

namespace Vtp.Tests.Video;

/// <summary>Test fixtures: a scratch folder, known frames written to real video files, and ffmpeg child processes.</summary>
internal static class TestMedia
{
    /// <summary>A fresh scratch folder under the temp directory.</summary>
    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"vtp-tests-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Deletes a scratch folder (ignoring files a killed process may still hold).</summary>
    public static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Seeded random rgb24 frames, back to back: frame i is distinguishable from every other.</summary>
    public static byte[] NoiseFrames(int count, int width, int height, int seed)
    {
        var frames = new byte[count * width * height * 3];
        new Random(seed).NextBytes(frames);
        return frames;
    }

    /// <summary>Frames that are one solid colour each.</summary>
    public static byte[] SolidFrames(int count, int width, int height, byte r, byte g, byte b)
    {
        var frames = new byte[count * width * height * 3];
        for (var i = 0; i < frames.Length; i += 3)
        {
            (frames[i], frames[i + 1], frames[i + 2]) = (r, g, b);
        }

        return frames;
    }

    /// <summary>Writes frames to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, byte[] frames, int width, int height, VideoEncoding encoding, double fps = 25)
    {
        RawVideoWriter.WriteAll(path, frames, width, height, fps, encoding);
        return path;
    }

    /// <summary>H.264 yuv420p with a keyframe every <paramref name="gop"/> frames and B-frames (realistic, lossy).</summary>
    public static VideoEncoding H264WithGop(int gop) =>
        VideoEncoding.H264 with { ExtraArguments = [.. VideoEncoding.H264.ExtraArguments, "-g", gop.ToString(), "-keyint_min", gop.ToString(), "-sc_threshold", "0"] };

    /// <summary>Lossless RGB H.264 with a keyframe every <paramref name="gop"/> frames.</summary>
    public static VideoEncoding LosslessWithGop(int gop) =>
        VideoEncoding.LosslessRgb with { ExtraArguments = [.. VideoEncoding.LosslessRgb.ExtraArguments, "-g", gop.ToString(), "-keyint_min", gop.ToString(), "-sc_threshold", "0"] };

    /// <summary>Frame <paramref name="index"/> of back-to-back frames.</summary>
    public static byte[] Frame(byte[] frames, int index, int width, int height) =>
        frames.AsSpan(index * width * height * 3, width * height * 3).ToArray();

    /// <summary>Runs ffmpeg with the given arguments (for fixtures ffmpeg builds itself) and fails the test on error.</summary>
    public static void Ffmpeg(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"ffmpeg {string.Join(' ', arguments)} failed: {stderr}");
    }

    /// <summary>Byte offsets of the video packets of <paramref name="path"/>, in file order (from ffprobe).</summary>
    public static List<long> PacketPositions(string path)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pos", "-of", "csv=p=0", path])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        return lines.Select(l => long.Parse(l.Trim().TrimEnd(','))).ToList();
    }

    /// <summary>Process ids of ffmpeg/ffprobe processes whose parent is this test process (read from /proc).</summary>
    public static List<int> FfmpegChildren()
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var comm = stat[(stat.IndexOf('(') + 1)..close];
                var ppid = int.Parse(stat[(close + 2)..].Split(' ')[1]);
                if (ppid == Environment.ProcessId && comm is "ffmpeg" or "ffprobe")
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return children;
    }

    /// <summary>Waits up to two seconds for every ffmpeg child to be gone (a killed process takes a moment to be reaped).</summary>
    public static List<int> FfmpegChildrenAfterSettling()
    {
        var deadline = Stopwatch.StartNew();
        var children = FfmpegChildren();
        while (children.Count > 0 && deadline.ElapsedMilliseconds < 2000)
        {
            Thread.Sleep(20);
            children = FfmpegChildren();
        }

        return children;
    }
}
