// Which collectives a rank joins with for its training device, and the refusals when options and device disagree.
using Vtp.Distributed;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class DistributedJobTests
{
    private static DistributedOptions Options(string? backend = null, int localRank = 0) =>
        RankThreads.Options(0, 2, RankThreads.FreePort()) with { Backend = backend, LocalRank = localRank };

    [TestMethod]
    [DataRow("cpu", null, "gloo")]
    [DataRow("cpu", "gloo", "gloo")]
    [DataRow("cuda", null, "nccl")]
    [DataRow("cuda:1", "nccl", "nccl")]
    public void TheBackendFollowsTheDevice(string device, string? backend, string expected) =>
        Assert.AreEqual(expected, DistributedJob.Backend(Options(backend), device));

    [TestMethod]
    [DataRow("cpu", "nccl")]
    [DataRow("cuda:0", "gloo")]
    public void ABackendThatDisagreesWithTheDeviceIsRefused(string device, string backend)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => DistributedJob.Join(Options(backend), device));
        StringAssert.Contains(error.Message, $"Backend '{backend}' cannot serve a model on '{device}'");
    }

    [TestMethod]
    [DataRow("mps")]
    [DataRow("gpu0")]
    public void OtherDevicesAreRefused(string device) =>
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => DistributedJob.Backend(Options(), device)).Message,
            $"Device '{device}' is not 'cpu', 'cuda' or 'cuda:N'");

    [TestMethod]
    [DataRow("cuda", 1, "cuda:1")]
    [DataRow("cuda:0", 1, "cuda:0")]
    [DataRow("cpu", 1, "cpu")]
    public void ABareCudaBecomesTheLocalRanksDevice(string device, int localRank, string expected) =>
        Assert.AreEqual(expected, DistributedJob.RankDevice(Options(localRank: localRank), device));

    [TestMethod]
    public void TheCpuJoinsWithGloo()
    {
        using var group = DistributedJob.Join(RankThreads.Options(0, 1, RankThreads.FreePort()), "cpu");
        Assert.IsInstanceOfType<GlooCollectives>(group);
        using var data = tensor(new[] { 1f, 2f });
        group.AllReduce(data);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, data.data<float>().ToArray());
    }

    [TestMethod]
    public void CudaWithoutCudaIsRefusedBeforeAnyRendezvous()
    {
        if (cuda.is_available()) Assert.Inconclusive("this libtorch has CUDA");
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => DistributedJob.Join(Options(), "cuda"));
        StringAssert.Contains(error.Message, "NCCL collectives need CUDA, but the loaded libtorch has none");
        StringAssert.Contains(error.Message, "-p:VtpCuda=true");
    }
}
