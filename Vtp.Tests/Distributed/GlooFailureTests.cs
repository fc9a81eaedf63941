// How GlooCommunicator fails: a rendezvous that never completes, a silent or departed peer, bad options.
using System.Diagnostics;
using Vtp.Distributed;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class GlooFailureTests
{
    private const double Timeout = 2;  // seconds
    private const double Slack = 3;    // seconds allowed past the timeout (thread start, teardown)

    [TestMethod]
    public void RendezvousTimesOutNamingTheStoreWhenRank1NeverJoins()
    {
        var (error, port) = JoinAlone(rank: 0);
        StringAssert.Contains(error.Message, $"join (rendezvous at 127.0.0.1:{port}");
        StringAssert.Contains(error.Message, "failed on rank 0 of 2");
        StringAssert.Contains(error.Message, $"Timed out after 2 s waiting for key '1' in the rendezvous store at 127.0.0.1:{port}");
    }

    [TestMethod]
    public void JoinFailsNamingTheStoreWhenRank0NeverComesUp()
    {
        var (error, port) = JoinAlone(rank: 1);
        StringAssert.Contains(error.Message, $"join (rendezvous at 127.0.0.1:{port}) failed on rank 1 of 2");
        StringAssert.Contains(error.Message, $"Cannot connect to the rendezvous store at 127.0.0.1:{port} within 2 s");
    }

    // Joins a 2-rank job as the only rank to come; the join must fail within the timeout (plus slack).
    private static (DistributedException Error, int Port) JoinAlone(int rank)
    {
        var port = RankThreads.FreePort();
        var watch = Stopwatch.StartNew();
        var error = Assert.ThrowsExactly<DistributedException>(() => GlooCommunicator.Join(RankThreads.Options(rank, 2, port, Timeout)));
        Assert.IsLessThan(Timeout + Slack, watch.Elapsed.TotalSeconds);
        return (error, port);
    }

    [TestMethod]
    public void ASilentPeerMakesTheCollectiveTimeOut()
    {
        using var rank0Done = new ManualResetEventSlim();
        var watch = new Stopwatch();
        var outcomes = RankThreads.RunCatching(2, GlooCommunicator.Join, c =>
        {
            if (c.Rank == 1)
            {
                rank0Done.Wait();  // joined, but never calls the collective
                return 0;
            }
            try
            {
                watch.Start();
                c.AllReduce<float>(new float[8]);
                return 0;
            }
            finally
            {
                watch.Stop();
                rank0Done.Set();
            }
        }, Timeout);
        var error = outcomes[0].Error;
        Assert.IsInstanceOfType<DistributedException>(error);
        Assert.IsLessThan(Timeout + Slack, watch.Elapsed.TotalSeconds);
        StringAssert.Contains(error.Message, "all_reduce (Sum, 8 x Float32) failed on rank 0 of 2");
        StringAssert.Contains(error.Message, "Timed out waiting 2000ms");
        Assert.IsNull(outcomes[1].Error);
    }

    [TestMethod]
    public void APeerThatLeavesMidJobMakesTheOthersFailAtOnce()
    {
        // Rank 1 takes part in one all-reduce, then disposes its communicator while rank 0 starts the next one.
        var outcomes = RankThreads.RunCatching(3, GlooCommunicator.Join, c =>
        {
            var data = new double[1000];
            c.AllReduce<double>(data);
            if (c.Rank == 1) return 0;
            c.AllReduce<double>(data);
            return 0;
        }, timeoutSeconds: 60);  // a failure by timeout would take 60 s: the test would hang well past its usual second
        Assert.IsNull(outcomes[1].Error);
        foreach (var rank in new[] { 0, 2 })
        {
            var error = outcomes[rank].Error;
            Assert.IsInstanceOfType<DistributedException>(error);
            StringAssert.Contains(error.Message, $"all_reduce (Sum, 1000 x Float64) failed on rank {rank} of 3");
            Assert.DoesNotContain("Timed out", error.Message);
        }
    }

    [TestMethod]
    public void AfterDisposeCollectivesThrowObjectDisposed()
    {
        var error = RankThreads.RunCatching(1, GlooCommunicator.Join, c =>
        {
            c.Dispose();
            c.Barrier();
            return 0;
        })[0].Error;
        Assert.IsInstanceOfType<ObjectDisposedException>(error);
    }

    [TestMethod]
    public void BadOptionsAreNamed()
    {
        var port = RankThreads.FreePort();
        Assert.ThrowsExactly<ArgumentNullException>(() => GlooCommunicator.Join(null!));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => GlooCommunicator.Join(RankThreads.Options(2, 2, port))).Message,
            "Rank 2 is out of range for world size 2");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() =>
            GlooCommunicator.Join(RankThreads.Options(0, 1, port) with { Backend = "nccl" })).Message, "Backend 'nccl' is not served by GlooCommunicator");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() =>
            GlooCommunicator.Join(RankThreads.Options(0, 1, port) with { LocalRank = 1 })).Message, "Local rank 1 is out of range for world size 1");
        StringAssert.Contains(Assert.ThrowsExactly<DistributedException>(() =>
            GlooCommunicator.Join(RankThreads.Options(1, 2, port) with { MasterAddress = "no-such-host.invalid" })).Message,
            "Cannot resolve the master address 'no-such-host.invalid'");
    }
}
