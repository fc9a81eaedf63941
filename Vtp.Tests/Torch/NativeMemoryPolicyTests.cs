// The native shim's memory policy: glibc's retention thresholds are on by default, and the optional block cache
// reuses the memory of freed tensors without page faults, within its capacity.
using TorchSharp;
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

[TestClass]
[DoNotParallelize]
public sealed class NativeMemoryPolicyTests
{
    private const int Tensors = 8, FloatsPerTensor = 1 << 20, Rounds = 10;
    private const long BlockBytes = FloatsPerTensor * 4L + 4096; // the data plus the 64-byte size header, in whole pages

    [TestMethod]
    public void HeapRetentionIsOnUnlessTheProcessSetsItsOwnMalloc()
    {
        string[] own = ["MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_"];
        var optedOut = Environment.GetEnvironmentVariable("VTP_MALLOC") == "system" ||
                       own.Any(v => Environment.GetEnvironmentVariable(v) != null) ||
                       (Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "").Contains("glibc.malloc.");
        Assert.AreEqual(!optedOut, CpuMemory.RetainsFreedHeapMemory);
    }

    [TestMethod]
    public void TheBlockCacheReusesFreedTensorMemoryWithoutPageFaults()
    {
        try
        {
            CpuMemory.CacheCapacity = 64L << 20;
            long faultsAfterWarmup = 0;
            for (int round = 0; round < Rounds; round++)
            {
                // 8 tensors of 4 MiB freed together: without the cache glibc may hand them back and fault them in again.
                if (round == 2) faultsAfterWarmup = MinorFaults();
                AllocateAndFree();
            }
            var perRound = (MinorFaults() - faultsAfterWarmup) / (double)(Rounds - 2);
            var pagesPerRound = Tensors * BlockBytes / Environment.SystemPageSize;
            Assert.IsTrue(perRound < pagesPerRound / 8.0, $"{perRound:F0} minor page faults per round of {pagesPerRound} reused pages");
            Assert.AreEqual(Tensors * BlockBytes, CpuMemory.CachedBytes, "the 8 freed blocks wait in the cache");
        }
        finally
        {
            CpuMemory.CacheCapacity = 0;
        }
        Assert.AreEqual(0, CpuMemory.CachedBytes, "capacity 0 hands every block back");
    }

    [TestMethod]
    public void TheBlockCacheKeepsNoMoreThanItsCapacity()
    {
        try
        {
            CpuMemory.CacheCapacity = 10L << 20;
            AllocateAndFree();
            Assert.AreEqual(2 * BlockBytes, CpuMemory.CachedBytes, "two 4 MiB blocks fit in 10 MiB, three do not");
            Assert.AreEqual(2 * BlockBytes, CpuMemory.ReleaseCache());
            Assert.AreEqual(0, CpuMemory.CachedBytes);
        }
        finally
        {
            CpuMemory.CacheCapacity = 0;
        }
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CpuMemory.CacheCapacity = -1);
    }

    private static void AllocateAndFree()
    {
        using var scope = NewDisposeScope();
        for (int i = 0; i < Tensors; i++) ones(FloatsPerTensor);
    }

    /// <summary>Minor page faults of this process so far (/proc/self/stat, field 10).</summary>
    private static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7]);
    }
}
