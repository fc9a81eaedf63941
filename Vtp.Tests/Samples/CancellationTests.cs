// Ctrl+C (a cancelled token) during training: the command stops with exit code 130, keeps a checkpoint of the last
// completed step, leaves no ffmpeg or ffprobe child running, and the same command then finishes the run.
using System.Diagnostics;
using Vtp.Samples.Cli;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class CancellationTests
{
    [TestMethod]
    [DoNotParallelize]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void CancelDuringPretraining_KeepsACheckpointAndNoDecoderProcess_ThenTheSameCommandFinishes()
    {
        var world = SampleWorld.Instance;
        var folder = world.NewFolder();
        var checkpoints = Path.Combine(folder, "checkpoints");
        string[] args = ["pretrain", world.TrainCsv, "--out", Path.Combine(folder, "p.zip"), "--preset", "tiny", "--vocabulary", "LearnFromCaptions",
            "--batch-size", "4", "--epochs", "3", "--max-steps", "12", "--seed", "3", "--checkpoints", checkpoints, "--checkpoint-every", "1", "--json"];
        using var cancel = new CancellationTokenSource();
        // Cancel as soon as the first step's checkpoint appears: the run is then busy decoding later batches.
        using var watcher = Task.Run(async () =>
        {
            while (!cancel.IsCancellationRequested && !(Directory.Exists(checkpoints) && Directory.EnumerateFileSystemEntries(checkpoints).Any()))
                await Task.Delay(20);
            cancel.Cancel();
        });

        var stopped = CliRun.Of(cancel.Token, args);

        Assert.AreEqual(ExitCodes.Cancelled, stopped.ExitCode, stopped.Stderr);
        Assert.Contains(checkpoints, stopped.Stderr);
        Assert.IsTrue(Directory.EnumerateFileSystemEntries(checkpoints).Any(), "a checkpoint is kept");
        Assert.IsFalse(File.Exists(Path.Combine(folder, "p.zip")), "no package from a stopped run");
        var children = DecoderChildren(TimeSpan.FromSeconds(3));
        Assert.IsEmpty(children, $"ffmpeg/ffprobe children still running: {string.Join(", ", children)}");

        var finished = CliRun.Of(args).Ok().Json();
        Assert.AreEqual(12, finished.GetProperty("steps").GetInt64());
        Assert.AreEqual(12, finished.GetProperty("total_steps").GetInt64());
        Assert.IsTrue(File.Exists(Path.Combine(folder, "p.zip")));
    }

    // Child processes of this process named ffmpeg or ffprobe, from /proc, polled until none or the grace period ends.
    private static List<string> DecoderChildren(TimeSpan grace)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var children = Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")).Where(File.Exists)
                .Select(ReadStat).Where(s => s is { } stat && stat.ParentId == Environment.ProcessId && stat.Name is "ffmpeg" or "ffprobe")
                .Select(s => $"{s!.Value.Name} ({s.Value.State})").ToList();
            if (children.Count == 0 || clock.Elapsed > grace) return children;
            Thread.Sleep(100);
        }
    }

    // /proc/PID/stat is "pid (name) state ppid ...", where the name may contain spaces and parentheses.
    private static (string Name, string State, int ParentId)? ReadStat(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var (open, close) = (text.IndexOf('('), text.LastIndexOf(')'));
            var rest = text[(close + 2)..].Split(' ');
            return (text[(open + 1)..close], rest[0], int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;                                                                        // the process ended meanwhile
        }
    }
}
