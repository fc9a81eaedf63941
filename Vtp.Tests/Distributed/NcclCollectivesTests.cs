// NCCL collectives: what can be checked without a GPU (the refusals and the missing-library message), and, on a
// machine with CUDA devices, the collectives against hand values on each device and between two devices.
using System.Diagnostics;
using Vtp.Collectives;
using Vtp.Distributed;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class NcclCollectivesTests
{
    [TestMethod]
    public void AMissingLibraryIsNamedWithHowToInstallIt()
    {
        var error = Assert.ThrowsExactly<DllNotFoundException>(() => NcclLibrary.Load("libnccl-absent.so.2"));
        StringAssert.Contains(error.Message, "libnccl-absent.so.2 (NVIDIA NCCL, the collectives on CUDA tensors) did not load");
        StringAssert.Contains(error.Message, "Install NCCL 2.10 or later");
        StringAssert.Contains(error.Message, "libnccl2 from NVIDIA's CUDA repository");
    }

    [TestMethod]
    public void LibraryVersionIsNcclsOrNamesLibnccl()
    {
        try
        {
            StringAssert.Matches(NcclCollectives.LibraryVersion, new System.Text.RegularExpressions.Regex(@"^2\.\d+\.\d+$"));
        }
        catch (DllNotFoundException e)                                                      // no NCCL on this machine
        {
            StringAssert.Contains(e.Message, "libnccl.so.2 (NVIDIA NCCL, the collectives on CUDA tensors) did not load");
        }
    }

    [TestMethod]
    public void JoinIsRefusedWithoutCuda()
    {
        if (cuda.is_available()) Assert.Inconclusive("this libtorch has CUDA");
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => NcclCollectives.Join(RankThreads.Options(0, 1, RankThreads.FreePort()), 0));
        StringAssert.Contains(error.Message, "NCCL collectives need CUDA, but the loaded libtorch has none");
    }

    [TestMethod]
    public void JoinRefusesTheGlooBackend() =>
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() =>
            NcclCollectives.Join(RankThreads.Options(0, 1, RankThreads.FreePort()) with { Backend = "gloo" }, 0)).Message,
            "Backend 'gloo' is not served by NcclCollectives");

    [TestMethod]
    [TestCategory("Gpu")]
    public void OneRankOnEachDeviceMatchesHandValues()
    {
        var devices = Devices(1);
        foreach (var device in Enumerable.Range(0, devices))
        {
            using var group = NcclCollectives.Join(RankThreads.Options(0, 1, RankThreads.FreePort()), device);
            CheckHandValues(group);
        }
    }

    [TestMethod]
    [TestCategory("Gpu")]
    public void TwoRanksOnTwoDevicesMatchHandValues()
    {
        Devices(2);
        RankThreads.Run(2, o => NcclCollectives.Join(o, o.Rank), group =>
        {
            CheckHandValues(group);
            return 0;
        });
    }

    [TestMethod]
    [TestCategory("Gpu")]
    public void ASilentPeerMakesTheCollectiveFailWithinTheTimeout()
    {
        Devices(2);
        const double timeout = 2, slack = 5;
        using var rank0Done = new ManualResetEventSlim();
        var watch = new Stopwatch();
        var outcomes = RankThreads.RunCatching(2, o => NcclCollectives.Join(o, o.Rank), group =>
        {
            if (group.Rank == 1)
            {
                rank0Done.Wait();                                                           // joined, never calls the collective
                return 0;
            }
            using var data = ones(8, device: new Device(DeviceType.CUDA, group.CudaDevice));
            try
            {
                watch.Start();
                group.AllReduce(data);
                return 0;
            }
            finally
            {
                watch.Stop();
                rank0Done.Set();
            }
        }, timeout);
        var error = outcomes[0].Error;
        Assert.IsInstanceOfType<DistributedException>(error);
        StringAssert.Contains(error.Message, "all_reduce (Sum, 8 x Float32) failed on rank 0 of 2 (NCCL on cuda:0)");
        StringAssert.Contains(error.Message, "the communicator was aborted");
        Assert.IsLessThan(timeout + slack, watch.Elapsed.TotalSeconds);
    }

    // The CUDA devices present, at least `needed` of them (else the test is inconclusive).
    private static int Devices(int needed)
    {
        var count = cuda.is_available() ? cuda.device_count() : 0;
        if (count == 0) Assert.Inconclusive("no CUDA device");
        if (count < needed) Assert.Inconclusive($"{count} CUDA device(s); this test needs {needed}");
        return count;
    }

    // Rank r holds [r + 1, 2, 3 - r, -(r + 1)]; by hand, 2 ranks hold [1, 2, 3, -1] and [2, 2, 2, -2], and 1 rank keeps its own.
    private static readonly Dictionary<ReduceOp, float[]> TwoRanks = new()
    {
        [ReduceOp.Sum] = [3, 4, 5, -3],
        [ReduceOp.Product] = [2, 4, 6, 2],
        [ReduceOp.Min] = [1, 2, 2, -2],
        [ReduceOp.Max] = [2, 2, 3, -1],
        [ReduceOp.Average] = [1.5f, 2, 2.5f, -1.5f],
    };

    private static void CheckHandValues(NcclCollectives group)
    {
        var (rank, world) = (group.Rank, group.WorldSize);
        var device = new Device(DeviceType.CUDA, group.CudaDevice);
        float[] Input(int r) => [r + 1, 2, 3 - r, -(r + 1)];
        foreach (var (op, expected) in TwoRanks)
            foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.Float16, ScalarType.BFloat16 })
            {
                using var data = tensor(Input(rank), device: device).to(dtype);
                group.AllReduce(data, op);
                CollectionAssert.AreEqual(world == 1 ? Input(0) : expected, data.cpu().to(ScalarType.Float32).data<float>().ToArray(), $"{op} on {dtype}");
            }
        using (var integers = tensor(new long[] { rank + 1, -rank }, device: device))
        {
            group.AllReduce(integers);
            CollectionAssert.AreEqual(world == 1 ? new long[] { 1, 0 } : [3, -1], integers.cpu().data<long>().ToArray(), "Sum on int64");
        }
        using (var broadcast = tensor(Input(rank), device: device))
        {
            group.Broadcast(broadcast, root: world - 1);
            CollectionAssert.AreEqual(Input(world - 1), broadcast.cpu().data<float>().ToArray(), "broadcast");
        }
        using (var mine = tensor(new float[] { rank, rank + 0.5f }, device: device).reshape(1, 2))
        using (var gathered = group.AllGather(mine))
        {
            CollectionAssert.AreEqual(new long[] { world, 2 }, gathered.shape, "all_gather shape");
            CollectionAssert.AreEqual(Enumerable.Range(0, world).SelectMany(r => new[] { r, r + 0.5f }).ToArray(), gathered.cpu().data<float>().ToArray(), "all_gather");
            Assert.AreEqual(device.ToString(), gathered.device.ToString());
        }
        group.Barrier();
        using var onCpu = zeros(4);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => group.AllReduce(onCpu)).Message, $"take tensors on cuda:{group.CudaDevice}");
    }
}
