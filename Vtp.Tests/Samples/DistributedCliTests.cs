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
    private static string[] Pretrain(string folder, int maxSteps) =>
    [
        "pretrain", SampleWorld.Instance.TrainCsv, "--out", Path.Combine(folder, "pretrained.zip"), "--preset", "tiny", "--vocabulary", "LearnFromCaptions",
        "--batch-size", "4", "--epochs", "20", "--max-steps", $"{maxSteps}", "--seed", "3", "--threads", "1", "--reuse-clips", "--decode-workers", "1",
        "--checkpoints", Path.Combine(folder, "ckpt"), "--checkpoint-every", "1", "--dist-timeout", "30", "--json",
    ];

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void KilledRank_FailsTheJobCleanly_ThenTheJobResumesFromTheLastCheckpoint()
    {
        var folder = SampleWorld.Instance.NewFolder();
        var port = Distributed.RankThreads.FreePort();
        var ranks = Enumerable.Range(0, 2).Select(rank => Start(folder,
            [.. Pretrain(folder, 60), "--rank", $"{rank}", "--world-size", "2", "--master-port", $"{port}"])).ToArray();
        var checkpoints = new CheckpointStore(Path.Combine(folder, "ckpt"));
        var clock = Stopwatch.StartNew();
        while (!(checkpoints.Latest() is { } latest && latest.EndsWith("03", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromMinutes(2))
            Thread.Sleep(50);
        Assert.IsFalse(ranks[0].HasExited, "the job was still running when rank 1 was killed");
        ranks[1].Kill();
        var killed = Stopwatch.StartNew();

        Assert.IsTrue(ranks[0].WaitForExit(TimeSpan.FromSeconds(40)), "rank 0 stops within the collective timeout (30 s)");
        var stderr = ranks[0].StandardError.ReadToEnd();
        Assert.AreEqual(ExitCodes.Failure, ranks[0].ExitCode, stderr);
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
    public void Nproc_WithRankOptions_IsAUsageError() =>
        CliRun.Of([.. Pretrain(SampleWorld.Instance.NewFolder(), 2), "--nproc", "2", "--rank", "1"]).Fails(ExitCodes.Usage, "--nproc starts its own ranks");

    [TestMethod]
    public void Nproc_InsideAnotherProgram_IsAUsageError() =>
        CliRun.Of([.. Pretrain(SampleWorld.Instance.NewFolder(), 2), "--nproc", "2"]).Fails(ExitCodes.Usage, "this process is not vtp");

    public TestContext TestContext { get; set; } = null!;

    private static Process Start(string folder, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vtp.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };                                    // drained, not needed
        process.BeginOutputReadLine();
        return process;
    }
}
