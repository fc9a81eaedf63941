// The native shim's malloc policy: memory of freed tensors stays in the process and is reused without page faults.
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class NativeMemoryPolicyTests
{
    private const int Tensors = 8, FloatsPerTensor = 1 << 20, Rounds = 10;

    [TestMethod]
    [DoNotParallelize]
    public void FreedTensorMemoryIsReusedWithoutNewPageFaults()
    {
        // 8 tensors of 4 MiB freed together: with glibc's defaults the free space at the top of the heap passes the
        // trim threshold (twice the largest block, 8 MiB), glibc hands the 32 MiB back and the next round faults all
        // 8192 pages in again.
        long faultsAfterWarmup = 0;
        for (int round = 0; round < Rounds; round++)
        {
            if (round == 2) faultsAfterWarmup = MinorFaults();
            using var scope = NewDisposeScope();
            for (int i = 0; i < Tensors; i++) ones(FloatsPerTensor);
        }
        var perRound = (MinorFaults() - faultsAfterWarmup) / (double)(Rounds - 2);
        var pagesPerRound = Tensors * FloatsPerTensor * 4L / Environment.SystemPageSize;
        Assert.IsTrue(perRound < pagesPerRound / 8.0,
            $"{perRound:F0} minor page faults per round of {pagesPerRound} freshly used pages: freed tensor memory went back to the OS");
    }

    /// <summary>Minor page faults of this process so far (/proc/self/stat, field 10).</summary>
    private static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7]);
    }
}
