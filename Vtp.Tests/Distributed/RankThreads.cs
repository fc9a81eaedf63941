// Runs the ranks of a small job as threads of the test process, each with its own communicator over loopback.
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Vtp.Distributed;

namespace Vtp.Tests.Distributed;

internal static class RankThreads
{
    /// <summary>Seconds each test job waits for a peer before failing: short, so a broken test cannot hang the run.</summary>
    public const double TimeoutSeconds = 10;

    /// <summary>A loopback port that was free a moment ago (the OS picks it).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static DistributedOptions Options(int rank, int worldSize, int port, double timeoutSeconds = TimeoutSeconds) =>
        new() { Rank = rank, WorldSize = worldSize, MasterPort = port, Timeout = TimeSpan.FromSeconds(timeoutSeconds) };

    /// <summary>Runs <paramref name="body"/> once per rank, each on its own thread with the group that
    /// <paramref name="join"/> returns; rethrows the first failure.</summary>
    public static T[] Run<TGroup, T>(int worldSize, Func<DistributedOptions, TGroup> join, Func<TGroup, T> body)
        where TGroup : IDisposable => Rethrow(RunCatching(worldSize, join, body));

    /// <summary>Runs <paramref name="body"/> once per rank with the group that <paramref name="join"/> returns (joined on
    /// the rank's own thread, disposed after the body) and returns each rank's result or exception.</summary>
    public static (T? Result, Exception? Error)[] RunCatching<TGroup, T>(int worldSize, Func<DistributedOptions, TGroup> join,
        Func<TGroup, T> body, double timeoutSeconds = TimeoutSeconds) where TGroup : IDisposable
    {
        var port = FreePort();
        return OnThreads(worldSize, rank =>
        {
            using var group = join(Options(rank, worldSize, port, timeoutSeconds));
            return body(group);
        });
    }

    private static T[] Rethrow<T>((T? Result, Exception? Error)[] outcomes)
    {
        var failure = outcomes.Select(o => o.Error).FirstOrDefault(e => e != null);
        if (failure != null) ExceptionDispatchInfo.Capture(failure).Throw();
        return outcomes.Select(o => o.Result!).ToArray();
    }

    // Runs rankBody(rank) for every rank on its own thread; fails the test when one hangs.
    private static (T? Result, Exception? Error)[] OnThreads<T>(int worldSize, Func<int, T> rankBody)
    {
        var outcomes = new (T? Result, Exception? Error)[worldSize];
        var threads = Enumerable.Range(0, worldSize).Select(rank => new Thread(() =>
        {
            try
            {
                outcomes[rank] = (rankBody(rank), null);
            }
            catch (Exception e)
            {
                outcomes[rank] = (default, e);
            }
        }) { Name = $"rank {rank}" }).ToList();
        threads.ForEach(t => t.Start());
        foreach (var thread in threads)
            if (!thread.Join(TimeSpan.FromSeconds(3 * TimeoutSeconds)))
                Assert.Fail($"{thread.Name} did not finish within {3 * TimeoutSeconds} s: a collective hung past its timeout.");
        return outcomes;
    }
}
