// DDP-style gradient averaging over Gloo against single-process gradients (ranks as threads over loopback).
using Vtp.Collectives;
using Vtp.Distributed;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class GradientBucketsTests
{
    private static SmallNet Net() => new SmallNet().Seeded(1);

    private static T[] OnRanks<T>(int worldSize, Func<ICollectives, T> body) => RankThreads.Run<ICollectives, T>(worldSize, GlooCollectives.Join, body);

    [TestMethod]
    public void EveryRankEndsWithTheMeanOfThePerRankGradients_WhateverTheBucketSize()
    {
        // Step s trains rank r on shard 2 s + r.
        var oracle = Enumerable.Range(0, 2)
            .Select(step => TestNets.Mean(TestNets.LocalGradients(Net, 2 * step), TestNets.LocalGradients(Net, 2 * step + 1)))
            .ToArray();
        foreach (var bucketBytes in new[] { 200L, GradientBuckets.DefaultBucketBytes })
        {
            var results = OnRanks(2, group =>
            {
                using var net = Net();
                using var buckets = new GradientBuckets(group, net.parameters(), bucketBytes);
                var gradients = new List<double[][]>();
                for (int step = 0; step < 2; step++)
                {
                    net.zero_grad();
                    TestNets.ShardLoss(net, 2 * step + group.Rank).backward();
                    buckets.Average();
                    gradients.Add(TestNets.Gradients(net));
                }
                return (Gradients: gradients, buckets.BucketCount, buckets.BytesPerStep);
            });
            foreach (var (rank, result) in results.Select((r, i) => (i, r)))
            {
                for (int step = 0; step < 2; step++) TestNets.AssertClose(oracle[step], result.Gradients[step], $"rank {rank} step {step}, {bucketBytes} B buckets");
                Assert.AreEqual((4 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2) * 8L, result.BytesPerStep, "130 float64 gradients");
                // From the last parameter, whole parameters up to 200 bytes: [fc3.b, fc3.w] 16+128, [fc2.b] 64, [fc2.w] 512,
                // [fc1.b] 64, [fc1.w] 256.
                Assert.AreEqual(bucketBytes == 200 ? 5 : 1, result.BucketCount, $"buckets of {bucketBytes} bytes");
            }
        }
    }

    [TestMethod]
    public void AParameterUnusedOnOneRankCountsAsZeroThere_AndOneNoRankUsedKeepsNoGradient()
    {
        // Rank 0 uses the extra head, rank 1 does not: the extra head's mean is half of rank 0's gradient.
        SmallNet Extra(bool use) => new SmallNet(withExtra: true) { UseExtra = use }.Seeded(1);
        var oracle = TestNets.Mean(TestNets.LocalGradients(() => Extra(true), 0), TestNets.LocalGradients(() => Extra(false), 1));
        var results = OnRanks(2, group =>
        {
            using var net = Extra(group.Rank == 0);
            using var buckets = new GradientBuckets(group, net.parameters());
            TestNets.ShardLoss(net, group.Rank).backward();
            buckets.Average();
            var partly = TestNets.Gradients(net);
            net.zero_grad();
            net.UseExtra = false;
            TestNets.ShardLoss(net, group.Rank).backward();                               // now no rank uses it
            buckets.Average();
            return (Partly: partly, ExtraGradients: net.parameters().Skip(6).Select(p => p.grad is null).ToArray());
        });
        foreach (var (rank, result) in results.Select((r, i) => (i, r)))
        {
            TestNets.AssertClose(oracle, result.Partly, $"rank {rank}");
            CollectionAssert.AreEqual(new[] { true, true }, result.ExtraGradients, $"rank {rank}: a head no rank used has no gradient");
        }
    }

    [TestMethod]
    public void APeerThatLeavesMakesAveragingFail()
    {
        var outcomes = RankThreads.RunCatching<ICollectives, int>(2, GlooCollectives.Join, group =>
        {
            using var net = Net();
            using var buckets = new GradientBuckets(group, net.parameters());
            if (group.Rank == 1) return 0;                                                    // leaves (disposes) at once
            Thread.Sleep(200);
            TestNets.ShardLoss(net, 0).backward();
            buckets.Average();
            return 1;
        }, timeoutSeconds: 5);
        Assert.IsNull(outcomes[1].Error);
        Assert.IsInstanceOfType<DistributedException>(outcomes[0].Error, $"{outcomes[0].Error}");
        StringAssert.Contains(outcomes[0].Error!.Message, "on rank 0 of 2");
    }

    [TestMethod]
    public void InvalidArgumentsAreRejected()
    {
        using var net = Net();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new GradientBuckets(SingleProcess.Instance, net.parameters(), bucketBytes: 0));
        foreach (var p in net.parameters()) p.requires_grad = false;
        Assert.ThrowsExactly<ArgumentException>(() => new GradientBuckets(SingleProcess.Instance, net.parameters()));
    }
}
