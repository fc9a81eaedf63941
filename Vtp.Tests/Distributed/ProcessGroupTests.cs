// Collectives between ranks running as threads, against hand-computed values; rendezvous and collective failures.
using System.Diagnostics;
using Vtp.Distributed;
using Vtp.Tests.Torch;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class ProcessGroupTests
{
    [TestMethod]
    public void AllReduceCombinesEveryRank()
    {
        // Rank r holds [1, 2, 3] * (r + 1): rank 0 [1, 2, 3], rank 1 [2, 4, 6].
        var results = RankThreads.Run(2, group =>
        {
            double[] Reduce(ReduceOp op)
            {
                var t = tensor(new[] { 1.0, 2.0, 3.0 }) * (group.Rank + 1);
                group.AllReduce(t, op);
                return TorchAssert.Doubles(t);
            }
            return new[] { Reduce(ReduceOp.Sum), Reduce(ReduceOp.Average), Reduce(ReduceOp.Product), Reduce(ReduceOp.Min), Reduce(ReduceOp.Max) };
        });
        foreach (var rank in results)
        {
            CollectionAssert.AreEqual(new[] { 3.0, 6.0, 9.0 }, rank[0], "sum");
            CollectionAssert.AreEqual(new[] { 1.5, 3.0, 4.5 }, rank[1], "average");
            CollectionAssert.AreEqual(new[] { 2.0, 8.0, 18.0 }, rank[2], "product");
            CollectionAssert.AreEqual(new[] { 1.0, 2.0, 3.0 }, rank[3], "min");
            CollectionAssert.AreEqual(new[] { 2.0, 4.0, 6.0 }, rank[4], "max");
        }
    }

    [TestMethod]
    public void AllReduceWritesBackIntoAStridedTensor()
    {
        // A transposed view is not contiguous: the sum must land in the caller's tensor through the view.
        var results = RankThreads.Run(2, group =>
        {
            var storage = arange(6, ScalarType.Float32).reshape(2, 3) * (group.Rank + 1);  // [[0,1,2],[3,4,5]] * (r + 1)
            group.AllReduce(storage.t());
            return TorchAssert.Doubles(storage);
        });
        foreach (var rank in results) CollectionAssert.AreEqual(new[] { 0.0, 3, 6, 9, 12, 15 }, rank);
    }

    [TestMethod]
    public void BroadcastCopiesTheRootsTensor()
    {
        var results = RankThreads.Run(2, group =>
        {
            var t = full(new long[] { 2, 2 }, group.Rank + 7.0);  // rank 0: 7s, rank 1: 8s
            group.Broadcast(t, root: 1);
            return TorchAssert.Doubles(t);
        });
        foreach (var rank in results) CollectionAssert.AreEqual(new[] { 8.0, 8, 8, 8 }, rank);
    }

    [TestMethod]
    public void AllGatherConcatenatesInRankOrder()
    {
        var results = RankThreads.Run(3, group =>
        {
            var local = arange(4, ScalarType.Int64).reshape(2, 2) + 100 * group.Rank;  // [[0,1],[2,3]] + 100 r
            var gathered = group.AllGather(local);
            return (Shape: gathered.shape, Values: TorchAssert.Longs(gathered));
        });
        foreach (var (shape, values) in results)
        {
            CollectionAssert.AreEqual(new long[] { 6, 2 }, shape);
            CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 100, 101, 102, 103, 200, 201, 202, 203 }, values);
        }
    }

    [TestMethod]
    public void AllGatherOfDifferentShapesFailsOnEveryRank()
    {
        var outcomes = RankThreads.RunCatching(2, group => group.AllGather(zeros(2 + group.Rank, 3)).shape);
        foreach (var (_, error) in outcomes)
        {
            Assert.IsInstanceOfType<DistributedException>(error);
            StringAssert.Contains(error.Message, "all_gather failed on rank");
            StringAssert.Contains(error.Message, "rank 0 has [2, 3] Float but rank 1 has [3, 3] Float");
        }
    }

    [TestMethod]
    public void AllReduceOfDifferentDtypesFailsOnEveryRank()
    {
        // Same byte size, different dtype: without the shape check gloo would sum float bits with int bits.
        var outcomes = RankThreads.RunCatching(2, group =>
        {
            group.AllReduce(zeros(4, group.Rank == 0 ? ScalarType.Float32 : ScalarType.Int32));
            return 0;
        });
        foreach (var (_, error) in outcomes)
        {
            Assert.IsInstanceOfType<DistributedException>(error);
            StringAssert.Contains(error.Message, "all_reduce (Sum) failed on rank");
            StringAssert.Contains(error.Message, "rank 0 has [4] Float but rank 1 has [4] Int");
        }
    }

    [TestMethod]
    public void StoreAndBarrierShareMetadata()
    {
        var results = RankThreads.Run(2, group =>
        {
            if (group.Rank == 0) group.SetString("run-id", "übung-" + new string('x', 300));  // longer than the first read buffer
            group.Barrier();
            return group.GetString("run-id");
        });
        foreach (var value in results) Assert.AreEqual("übung-" + new string('x', 300), value);
    }

    [TestMethod]
    public void SingleRankGroupIsTheIdentity()
    {
        var result = RankThreads.Run(1, group =>
        {
            var t = tensor(new[] { 1.5f, -2f });
            group.AllReduce(t);
            group.Broadcast(t, 0);
            group.Barrier();
            return TorchAssert.Doubles(group.AllGather(t));
        });
        CollectionAssert.AreEqual(new[] { 1.5, -2.0 }, result[0]);
    }

    [TestMethod]
    public void InvalidArgumentsAreRejectedBeforeCommunicating()
    {
        RankThreads.Run(1, group =>
        {
            var rootError = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => group.Broadcast(zeros(1), root: 1));
            StringAssert.Contains(rootError.Message, "Rank 1 is out of range for world size 1");
            var averageError = Assert.ThrowsExactly<ArgumentException>(() => group.AllReduce(zeros(1, ScalarType.Int64), ReduceOp.Average));
            StringAssert.Contains(averageError.Message, "ReduceOp.Average needs a floating-point tensor, got Int64");
            return 0;
        });
    }

    [TestMethod]
    public void RendezvousTimesOutWhenAPeerNeverComes()
    {
        var port = RankThreads.FreePort();
        foreach (var rank in new[] { 0, 1 })  // rank 0 waits for clients; rank 1 waits for a master that is not there
        {
            var watch = Stopwatch.StartNew();
            var error = Assert.ThrowsExactly<DistributedException>(() => ProcessGroup.Join(RankThreads.Options(rank, 2, port, timeoutSeconds: 1.5)));
            Assert.IsLessThan(10.0, watch.Elapsed.TotalSeconds, $"rank {rank} gave up after {watch.Elapsed}");
            StringAssert.Contains(error.Message, $"at 127.0.0.1:{port} as rank {rank} of 2 failed (timeout 00:00:01.5000000;");
        }
    }

    [TestMethod]
    public void Nccl_IsRefusedClearlyExactlyWhenNotBuilt()
    {
        var options = RankThreads.Options(0, 1, RankThreads.FreePort()) with { Backend = "nccl" };
        if (!ProcessGroup.IsNcclAvailable)
        {
            var error = Assert.ThrowsExactly<DistributedException>(() => ProcessGroup.Join(options));
            StringAssert.Contains(error.Message, "has no NCCL");
            return;
        }
        // A build with NCCL joins a one-rank group (given a GPU), or fails for another reason than a missing backend.
        try
        {
            using var group = ProcessGroup.Join(options);
            Assert.AreEqual(1, group.WorldSize);
        }
        catch (DistributedException e)
        {
            Assert.DoesNotContain("has no NCCL", e.Message);
        }
    }

    [TestMethod]
    public void ACollectiveTimesOutWhenThePeerStaysSilent()
    {
        // Rank 1 is alive but does not join the all-reduce until 4 s later; rank 0 must give up after its 2 s timeout.
        var outcomes = RankThreads.RunCatching(2, group =>
        {
            group.Barrier();
            if (group.Rank == 1)
            {
                Thread.Sleep(TimeSpan.FromSeconds(4));
                return (Seconds: 0.0, Message: "");
            }
            var watch = Stopwatch.StartNew();
            var error = Assert.ThrowsExactly<DistributedException>(() => group.AllReduce(ones(4)));
            return (Seconds: watch.Elapsed.TotalSeconds, error.Message);
        }, timeoutSeconds: 2);
        var (seconds, message) = outcomes[0].Result;
        Assert.IsNull(outcomes[0].Error);
        StringAssert.Contains(message, "all_reduce (Sum) failed on rank 0 of 2");
        StringAssert.Contains(message, "Timed out");
        Assert.IsGreaterThanOrEqualTo(1.9, seconds, "not before the timeout");
        Assert.IsLessThan(3.9, seconds, "before the silent peer left");
    }

    [TestMethod]
    public void ACollectiveFailsWhenThePeerLeaves()
    {
        // Rank 1 leaves (closes its connections) instead of joining the all-reduce: rank 0 must fail, not hang.
        var watch = Stopwatch.StartNew();
        var outcomes = RankThreads.RunCatching(2, group =>
        {
            group.Barrier();
            if (group.Rank == 1) return 0;  // leaving the body disposes the group
            group.AllReduce(ones(4));
            return 1;
        });
        Assert.IsNull(outcomes[1].Error);
        Assert.IsInstanceOfType<DistributedException>(outcomes[0].Error);
        StringAssert.Contains(outcomes[0].Error!.Message, "all_reduce (Sum) failed on rank 0 of 2");
        Assert.IsLessThan(RankThreads.TimeoutSeconds + 5, watch.Elapsed.TotalSeconds);
    }
}
