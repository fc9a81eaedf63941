// A training step's native memory on TorchSharp: with a dispose scope per step, 500 steps stay flat.
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Training;

[TestClass]
public sealed class NativeMemoryTests
{
    [TestMethod]
    [DoNotParallelize]
    public void NativeMemoryStaysFlatOverFiveHundredSteps()
    {
        manual_seed(5);
        using var block = new Block(dim: 64, numHeads: 4, mlpHidden: 256, dropPath: 0.1);
        using var optimizer = optim.AdamW(block.parameters(), lr: 1e-3, weight_decay: 0.05);
        using var inputs = NewDisposeScope();
        var x = randn(4, 50, 64);
        long afterStep50 = 0;
        block.train();
        for (int step = 1; step <= 500; step++)
        {
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                block.call(x, null).pow(2).mean().backward();
                optimizer.step();
            }
            if (step == 50) afterStep50 = ResidentBytes();
        }
        var afterStep500 = ResidentBytes();
        Assert.IsTrue(afterStep500 <= afterStep50 * 1.10,
            $"resident memory grew from {afterStep50 >> 20} MiB (step 50) to {afterStep500 >> 20} MiB (step 500)");
    }

    /// <summary>Resident set size from /proc/self/statm (pages, second field).</summary>
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var pages = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1]);
        return pages * Environment.SystemPageSize;
    }
}
