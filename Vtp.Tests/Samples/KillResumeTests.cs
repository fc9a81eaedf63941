// kill -9 in the middle of pretraining: the same command then resumes from the last checkpoint and ends with exactly
// the weights of an uninterrupted run.
using System.Diagnostics;
using System.IO.Compression;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class KillResumeTests
{
    [TestMethod]
    [DoNotParallelize]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void KilledPretrainingResumesToTheWeightsOfAnUninterruptedRun()
    {
        var world = SampleWorld.Instance;
        var folder = world.NewFolder();
        var checkpoints = Path.Combine(folder, "checkpoints");
        string[] Args(string package) => ["pretrain", world.TrainCsv, "--out", package, "--preset", "tiny", "--vocabulary", "LearnFromCaptions",
            "--batch-size", "4", "--epochs", "2", "--max-steps", "10", "--seed", "7", "--checkpoints", checkpoints, "--checkpoint-every", "1", "--json"];

        using (var victim = Start(folder, Args(Path.Combine(folder, "resumed.zip"))))
        {
            var latest = Path.Combine(checkpoints, "latest");
            while (!(File.Exists(latest) && File.ReadAllText(latest).Trim() is var name && string.CompareOrdinal(name, "checkpoint-00000004") >= 0))
            {
                Assert.IsFalse(victim.HasExited, "the run ended before it could be killed");
                Thread.Sleep(50);
            }
            victim.Kill(entireProcessTree: true);  // SIGKILL: no cleanup, no final checkpoint
            victim.WaitForExit();
        }
        var resumed = VtpProcess.Run(folder, TimeSpan.FromMinutes(5), Args(Path.Combine(folder, "resumed.zip")));
        Assert.AreEqual(0, resumed.ExitCode, resumed.Stderr);
        var resumedFrom = System.Text.Json.JsonDocument.Parse(resumed.Stdout).RootElement.GetProperty("resumed_from_step").GetInt64();
        Assert.IsTrue(resumedFrom >= 4, $"the second run resumed from step {resumedFrom}, not from the killed run's checkpoint");

        Directory.Delete(checkpoints, recursive: true);
        var uninterrupted = VtpProcess.Run(folder, TimeSpan.FromMinutes(5), Args(Path.Combine(folder, "uninterrupted.zip")));
        Assert.AreEqual(0, uninterrupted.ExitCode, uninterrupted.Stderr);

        CollectionAssert.AreEqual(Weights(Path.Combine(folder, "uninterrupted.zip")), Weights(Path.Combine(folder, "resumed.zip")),
            "the resumed run's weights differ from the uninterrupted run's");
    }

    private static Process Start(string folder, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vtp.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static byte[] Weights(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry("model.safetensors")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
