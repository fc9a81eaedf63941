// Data-parallel vtp pretrain as real processes over loopback: --nproc, a rank killed mid-run (the job fails cleanly,
// the last checkpoint stays valid) and the resumed job.
using System.Diagnostics;
using System.Text.Json;
using Vtp.Samples.Cli;
using Vtp.Training;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class DistributedCliTests
{
    private static string[] Pretrain(string folder, int maxSteps, int timeoutSeconds = 30) =>
    [
        "pretrain", SampleWorld.Instance.TrainCsv, "--out", Path.Combine(folder, "pretrained.zip"), "--preset", "tiny", "--vocabulary", "LearnFromCaptions",
        "--batch-size", "4", "--epochs", "20", "--max-steps", $"{maxSteps}", "--seed", "3", "--threads", "1", "--reuse-clips", "--decode-workers", "1",
        "--checkpoints", Path.Combine(folder, "ckpt"), "--checkpoint-every", "1", "--dist-timeout", $"{timeoutSeconds}", "--json",
    ];

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void KilledRank_FailsTheJobCleanly_ThenTheJobResumesFromTheLastCheckpoint()
    {
        var folder = SampleWorld.Instance.NewFolder();
        var port = Distributed.RankThreads.FreePort();
        var ranks = new[]
        {
            Start(folder, [.. Pretrain(folder, 60), "--rank", "0", "--world-size", "2", "--master-port", $"{port}"]),
            Start(folder, Pretrain(folder, 60), new() { ["RANK"] = "1", ["WORLD_SIZE"] = "2", ["MASTER_ADDR"] = "127.0.0.1", ["MASTER_PORT"] = $"{port}" }),
        };                                                                                  // rank 1 joins through PyTorch's launcher variables
        var checkpoints = new CheckpointStore(Path.Combine(folder, "ckpt"));
        var clock = Stopwatch.StartNew();
        while (!(checkpoints.Latest() is { } latest && latest.EndsWith("03", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromMinutes(2))
            Thread.Sleep(50);
        Assert.IsFalse(ranks[0].Process.HasExited, $"the job was still running when rank 1 was killed; rank 0:\n{ranks[0].Errors}");
        ranks[1].Process.Kill();
        var killed = Stopwatch.StartNew();

        var stopped = ranks[0].Process.WaitForExit(TimeSpan.FromSeconds(40));
        if (!stopped) ranks[0].Process.Kill(entireProcessTree: true);
        ranks[0].Process.WaitForExit();                                                     // the stderr pump has finished
        var stderr = ranks[0].Errors;
        Assert.IsTrue(stopped, $"rank 0 stops within the collective timeout (30 s); its stderr so far:\n{stderr}");
        Assert.AreEqual(ExitCodes.Failure, ranks[0].Process.ExitCode, stderr);
        StringAssert.Contains(stderr, "rank 0", $"the error names this rank:\n{stderr}");
        var kept = checkpoints.Latest() ?? throw new AssertFailedException("no checkpoint");
        var keptStep = int.Parse(kept[^8..]);
        Assert.IsTrue(keptStep is >= 3 and < 60, $"kept {kept}");
        TestContext.WriteLine($"rank 0 failed {killed.Elapsed.TotalSeconds:F1} s after rank 1 was killed; kept {kept}; its error:\n{stderr}");

        var resumed = VtpProcess.Run(folder, TimeSpan.FromMinutes(3), [.. Pretrain(folder, 60), "--nproc", "2"]);
        Assert.AreEqual(ExitCodes.Ok, resumed.ExitCode, resumed.Stderr);
        var result = JsonDocument.Parse(resumed.Stdout).RootElement;
        Assert.AreEqual(keptStep, result.GetProperty("resumed_from_step").GetInt64(), "all ranks resume from the kept step");
        Assert.AreEqual(60, result.GetProperty("steps").GetInt64());
        Assert.IsTrue(File.Exists(Path.Combine(folder, "pretrained.zip")), "rank 0 writes the package");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void RendezvousTimeout_FailsWithinTheTimeoutNamingTheAddress()
    {
        var folder = SampleWorld.Instance.NewFolder();
        var port = Distributed.RankThreads.FreePort();
        var clock = Stopwatch.StartNew();
        var run = CliRun.Of([.. Pretrain(folder, 2, timeoutSeconds: 3), "--rank", "0", "--world-size", "2", "--master-port", $"{port}"]);
        run.Fails(ExitCodes.Failure, $"127.0.0.1:{port}");
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.IsFalse(File.Exists(Path.Combine(folder, "pretrained.zip")));
    }

    [TestMethod]
    public void Nproc_WithRankOptions_IsAUsageError() =>
        CliRun.Of([.. Pretrain(SampleWorld.Instance.NewFolder(), 2), "--nproc", "2", "--rank", "1"]).Fails(ExitCodes.Usage, "--nproc starts its own ranks");

    [TestMethod]
    public void Nproc_InsideAnotherProgram_IsAUsageError() =>
        CliRun.Of([.. Pretrain(SampleWorld.Instance.NewFolder(), 2), "--nproc", "2"]).Fails(ExitCodes.Usage, "this process is not vtp");

    public TestContext TestContext { get; set; } = null!;

    private static Rank Start(string folder, string[] args, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? []) info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vtp.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, _) => { };                                    // drained (a full pipe would block the rank), not needed
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors) errors.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Rank(process, errors);
    }

    /// <summary>A rank's process and its stderr so far.</summary>
    private sealed record Rank(Process Process, System.Text.StringBuilder ErrorLines)
    {
        public string Errors
        {
            get
            {
                lock (ErrorLines) return ErrorLines.ToString();
            }
        }
    }
}
