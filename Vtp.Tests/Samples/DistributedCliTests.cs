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
        Assert.IsFalse(ranks[0].Process.HasExited, $"the job was still running when rank 1 was killed; rank 0 said:\n{(ranks[0].Process.HasExited ? ranks[0].Errors.Result : "")}");
        ranks[1].Process.Kill();
        var killed = Stopwatch.StartNew();

        var stopped = ranks[0].Process.WaitForExit(TimeSpan.FromSeconds(40));
        if (!stopped) ranks[0].Process.Kill(entireProcessTree: true);
        var stderr = ranks[0].Errors.Result;
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
        var process = VtpProcess.Start(folder, args, environment);
        _ = process.StandardOutput.ReadToEndAsync();                                        // drained (a full pipe would block the rank), not needed
        return new Rank(process, process.StandardError.ReadToEndAsync());
    }

    /// <summary>A rank's process and its whole stderr (complete once the process has exited).</summary>
    private sealed record Rank(Process Process, Task<string> Errors);
}
