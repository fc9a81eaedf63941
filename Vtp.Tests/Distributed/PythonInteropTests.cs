// A C# rank and a PyTorch rank (torch.distributed, gloo) in one group: the same values on both sides, either side
// hosting the rendezvous store, and a PyTorch rank that crashes.
using System.Diagnostics;
using System.Text.Json;
using Vtp.Distributed;
using Vtp.Tests.Torch;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class PythonInteropTests
{
    [TestMethod]
    [DataRow(0, DisplayName = "C# hosts the store (rank 0)")]
    [DataRow(1, DisplayName = "PyTorch hosts the store (rank 0)")]
    public void CollectivesAgreeWithAPyTorchRank(int csharpRank)
    {
        var port = RankThreads.FreePort();
        using var python = new PythonRank("collectives", port, 1 - csharpRank, 2);
        using var scope = NewDisposeScope();
        // PyTorch ranks do not take part in Vtp's shape check, so it is off for a mixed group.
        using var group = ProcessGroup.Join(RankThreads.Options(csharpRank, 2, port, timeoutSeconds: 30) with { CheckShapes = false });

        // The same sequence as python_rank.py's "collectives" scenario.
        var reduced = tensor(new[] { 1.0f, 2.0f, 3.0f }) * (csharpRank + 1);
        group.AllReduce(reduced);
        var broadcast = full(new long[] { 2 }, (float)csharpRank);
        group.Broadcast(broadcast, root: 1);
        var gathered = group.AllGather(tensor(new[] { 10.0f * csharpRank, 10.0f * csharpRank + 1 }).reshape(1, 2));
        group.Barrier();

        var (exitCode, output) = python.Finish();
        Assert.AreEqual(0, exitCode, python.StandardErrorSoFar());
        var peer = JsonDocument.Parse(output).RootElement;
        double[] Peer(string name) => peer.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();

        // Rank 0 holds [1, 2, 3], rank 1 holds [2, 4, 6]; rank 1 broadcasts 1s; the gather is [[0, 1], [10, 11]].
        foreach (var (side, reduce, bcast, gather) in new[]
                 {
                     ("C#", TorchAssert.Doubles(reduced), TorchAssert.Doubles(broadcast), TorchAssert.Doubles(gathered)),
                     ("PyTorch", Peer("all_reduce"), Peer("broadcast"), Peer("all_gather")),
                 })
        {
            CollectionAssert.AreEqual(new[] { 3.0, 6.0, 9.0 }, reduce, $"{side} all_reduce");
            CollectionAssert.AreEqual(new[] { 1.0, 1.0 }, bcast, $"{side} broadcast");
            CollectionAssert.AreEqual(new[] { 0.0, 1.0, 10.0, 11.0 }, gather, $"{side} all_gather");
        }
    }

    [TestMethod]
    public void ACrashedPyTorchRankMakesTheNextCollectiveThrow()
    {
        const double timeoutSeconds = 8;
        var port = RankThreads.FreePort();
        using var python = new PythonRank("die", port, 1, 2);
        using var scope = NewDisposeScope();
        using var group = ProcessGroup.Join(RankThreads.Options(0, 2, port, timeoutSeconds) with { CheckShapes = false });
        group.Barrier();
        var watch = Stopwatch.StartNew();
        var error = Assert.ThrowsExactly<DistributedException>(() => group.AllReduce(ones(16)));  // the peer exits meanwhile
        Assert.IsLessThan(timeoutSeconds + 2, watch.Elapsed.TotalSeconds, $"the failure took {watch.Elapsed}");
        StringAssert.Contains(error.Message, "all_reduce (Sum) failed on rank 0 of 2: ");
        Assert.AreEqual(3, python.Finish().ExitCode, "the Python rank should have crashed on purpose (exit 3)");
    }
}
