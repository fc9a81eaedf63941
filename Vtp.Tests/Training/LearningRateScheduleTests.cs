// The warmup + cosine schedule against numpy running VideoMAE's cosine_scheduler definition, and the scaling rule.
using System.Diagnostics;
using System.Globalization;
using Vtp.Tests.Support;
using Vtp.Training;

namespace Vtp.Tests.Training;

[TestClass]
public sealed class LearningRateScheduleTests
{
    [TestMethod]
    public void MatchesVideoMaeCosineSchedulerComputedByNumpy()
    {
        const string code = """
            import math, numpy as np
            base, final, epochs, niter, warmup_epochs = 6e-4, 4e-5, 10, 7, 2
            warmup_iters = warmup_epochs * niter
            warmup = np.linspace(0, base, warmup_iters)
            iters = np.arange(epochs * niter - warmup_iters)
            cosine = np.array([final + 0.5 * (base - final) * (1 + math.cos(math.pi * i / len(iters))) for i in iters])
            print(" ".join(repr(float(v)) for v in np.concatenate((warmup, cosine))))
            """;
        var info = new ProcessStartInfo(PyTorchOracle.Python) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        p.StandardInput.Write(code);
        p.StandardInput.Close();
        var expected = p.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        p.WaitForExit();
        Assert.AreEqual(70, expected.Length);
        var schedule = new LearningRateSchedule(6e-4, 4e-5, WarmupSteps: 14, TotalSteps: 70);
        for (int i = 0; i < expected.Length; i++)
            Assert.AreEqual(expected[i], schedule.At(i), 1e-15, $"step {i}");
        Assert.AreEqual(4e-5, schedule.At(1000), "past the end the floor holds");
    }

    [TestMethod]
    public void BaseRateScalesWithTheTotalBatchOver256()
    {
        Assert.AreEqual(6e-4, LearningRateSchedule.Scaled(1.5e-4, 1024), 1e-18, "pretraining: 1.5e-4 x 1024/256");
        Assert.AreEqual(7.5e-5, LearningRateSchedule.Scaled(3e-4, 64), 1e-18, "fine-tuning: 3e-4 x 64/256");
    }
}
