// Data-parallel gradient averaging against gradients computed in one process on each rank's shard separately.
using System.Diagnostics;
using Vtp.Distributed;
using Vtp.Tests.Torch;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class GradientReducerTests
{
    private static SmallNet Net() => new SmallNet().Seeded(1);

    [TestMethod]
    public void EveryRankEndsWithTheMeanOfThePerRankGradients()
    {
        // Step s trains rank r on shard 2 s + r.
        var oracle = Enumerable.Range(0, 2)
            .Select(step => TestNets.Mean(TestNets.LocalGradients(Net, 2 * step), TestNets.LocalGradients(Net, 2 * step + 1)))
            .ToArray();

        var results = RankThreads.Run(2, group =>
        {
            using var net = Net();
            // 200-byte buckets: after the rebuild, parameters (in the order their gradients became ready) share buckets.
            using var reducer = new GradientReducer(group, net.parameters(), bucketBytes: 200);
            var buckets = new List<int> { reducer.BucketCount };
            var gradients = new List<double[][]>();
            for (int step = 0; step < 2; step++)
            {
                net.zero_grad();
                reducer.Backward(TestNets.ShardLoss(net, 2 * step + group.Rank));
                gradients.Add(TestNets.Gradients(net));
                buckets.Add(reducer.BucketCount);
            }
            return (Gradients: gradients, Buckets: buckets, reducer.BytesPerStep, reducer.ParameterCount);
        });

        foreach (var (rank, result) in results.Select((r, i) => (i, r)))
        {
            for (int step = 0; step < 2; step++) TestNets.AssertClose(oracle[step], result.Gradients[step], $"rank {rank} step {step}");
            Assert.AreEqual(6, result.ParameterCount);
            Assert.AreEqual((4 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2) * 8L, result.BytesPerStep, "130 float64 gradients");
            // One bucket for the first step; then the ready order [fc3.b, fc3.w, fc2.b | fc2.w | fc1.b, fc1.w] packed
            // into 200-byte buckets: 16+128+64 bytes, 512, 64+256.
            CollectionAssert.AreEqual(new[] { 1, 1, 3 }, result.Buckets, $"rank {rank} bucket counts");
        }
    }

    [TestMethod]
    public void AccumulationSynchronisesOnlyTheLastMicroBatch()
    {
        // Rank r accumulates micro-batches on shards r and 2 + r.
        var localFirst = new[] { TestNets.LocalGradients(Net, 0), TestNets.LocalGradients(Net, 1) };
        var oracle = TestNets.Mean(TestNets.LocalGradients(Net, 0, 2), TestNets.LocalGradients(Net, 1, 3));

        var results = RankThreads.Run(2, group =>
        {
            using var net = Net();
            using var reducer = new GradientReducer(group, net.parameters());
            reducer.Backward(TestNets.ShardLoss(net, group.Rank), synchronize: false);
            var afterFirst = TestNets.Gradients(net);
            reducer.Backward(TestNets.ShardLoss(net, 2 + group.Rank));
            return (AfterFirst: afterFirst, Final: TestNets.Gradients(net));
        });

        for (int rank = 0; rank < 2; rank++)
        {
            TestNets.AssertClose(localFirst[rank], results[rank].AfterFirst, $"rank {rank} after the unsynchronised micro-batch (local only)");
            TestNets.AssertClose(oracle, results[rank].Final, $"rank {rank} after the synchronised micro-batch");
        }
    }

    [TestMethod]
    public void AParameterWithoutGradientIsAnErrorByDefault()
    {
        var outcomes = RankThreads.RunCatching(2, group =>
        {
            using var net = new SmallNet(withExtra: true).Seeded(1);
            using var reducer = new GradientReducer(group, net.parameters());
            reducer.Backward(TestNets.ShardLoss(net, group.Rank));  // the extra head (parameters 6 and 7) is unused
            return 0;
        });
        foreach (var (_, error) in outcomes)
        {
            Assert.IsInstanceOfType<DistributedException>(error);
            StringAssert.Contains(error.Message, "not every parameter received a gradient");
            StringAssert.Contains(error.Message, "findUnusedParameters: true");
            StringAssert.Contains(error.Message, "Parameter indices which did not receive grad for rank");
            StringAssert.Contains(error.Message, ": 6 7 (indices into the parameters given to the GradientReducer)");
        }
    }

    [TestMethod]
    public void UnusedParametersCountAsZeroWhenSearched()
    {
        // Only rank 0 uses the extra head: its average is rank 0's gradient / 2. Other parameters average as usual.
        SmallNet Extra(bool use) => new SmallNet(withExtra: true) { UseExtra = use }.Seeded(1);
        var oracle = TestNets.Mean(TestNets.LocalGradients(() => Extra(true), 0), TestNets.LocalGradients(() => Extra(false), 1));

        var results = RankThreads.Run(2, group =>
        {
            using var net = Extra(group.Rank == 0);
            using var reducer = new GradientReducer(group, net.parameters(), findUnusedParameters: true);
            reducer.Backward(TestNets.ShardLoss(net, group.Rank));
            var first = TestNets.Gradients(net);
            // No rank uses the head in the next step: its gradient stays untouched (none after zero_grad).
            net.zero_grad();
            net.UseExtra = false;
            reducer.Backward(TestNets.ShardLoss(net, group.Rank));
            return (First: first, ExtraGradAfterUnusedStep: net.parameters().Skip(6).Any(p => p.grad is not null));
        });

        for (int rank = 0; rank < 2; rank++)
        {
            TestNets.AssertClose(oracle, results[rank].First, $"rank {rank}");
            Assert.IsFalse(results[rank].ExtraGradAfterUnusedStep, $"rank {rank}: a head no rank used must get no gradient");
        }
    }

    [TestMethod]
    public void BroadcastParametersCopiesRankZerosWeightsAndBuffers()
    {
        double[][] Values(SmallNet net) => net.parameters().Cast<Tensor>().Concat(net.buffers()).Select(TorchAssert.Doubles).ToArray();
        double[][] rankZero;
        using (NewDisposeScope())
        using (var net = new SmallNet().Seeded(100)) rankZero = Values(net);

        var results = RankThreads.Run(2, group =>
        {
            using var net = new SmallNet().Seeded(100 + (ulong)group.Rank);  // different weights per rank
            var before = Values(net);
            GradientReducer.BroadcastParameters(group, net);
            return (Before: before, After: Values(net));
        });

        TestNets.AssertClose(rankZero, results[1].After, "rank 1 after the broadcast", tolerance: 0);
        TestNets.AssertClose(rankZero, results[0].After, "rank 0 keeps its weights", tolerance: 0);
        Assert.AreNotEqual(results[0].Before[0][0], results[1].Before[0][0], "the ranks must start different for the test to mean anything");
    }

    [TestMethod]
    public void DifferentModelsAreRefusedOnEveryRank()
    {
        var outcomes = RankThreads.RunCatching(2, group =>
        {
            using var net = new SmallNet(hidden: 8 + group.Rank);
            GradientReducer.BroadcastParameters(group, net);
            return 0;
        });
        foreach (var (_, error) in outcomes)
        {
            Assert.IsInstanceOfType<DistributedException>(error);
            StringAssert.Contains(error.Message, "the ranks disagree on the tensors of BroadcastParameters: rank 0 has 7 tensors of 133 elements");
        }
    }

    [TestMethod]
    public void APeerThatLeavesMakesBackwardFailWithinTheTimeout()
    {
        var watch = Stopwatch.StartNew();
        var outcomes = RankThreads.RunCatching(2, group =>
        {
            using var net = Net();
            using (var reducer = new GradientReducer(group, net.parameters()))
            {
                if (group.Rank == 1) return 0;  // rank 1 leaves: its reducer and group are disposed
                reducer.Backward(TestNets.ShardLoss(net, 0));
            }
            return 1;
        });
        Assert.IsNull(outcomes[1].Error);
        Assert.IsInstanceOfType<DistributedException>(outcomes[0].Error);
        StringAssert.Contains(outcomes[0].Error!.Message, "GradientReducer.Backward (synchronize: True) failed on rank 0 of 2");
        Assert.IsLessThan(RankThreads.TimeoutSeconds + 5, watch.Elapsed.TotalSeconds);
    }

    [TestMethod]
    public void InvalidArgumentsAreRejected()
    {
        RankThreads.Run(1, group =>
        {
            using var net = Net();
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new GradientReducer(group, net.parameters(), bucketBytes: 0)).Message,
                "Bucket size must be positive, got 0 bytes");
            foreach (var p in net.parameters()) p.requires_grad = false;
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new GradientReducer(group, net.parameters())).Message,
                "needs at least one parameter that requires grad");
            return 0;
        });
    }
}
