// Runs the ranks of a small job as threads of the test process, each with its own Gloo collectives over loopback.
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Vtp.Collectives;
using Vtp.Distributed;
using static TorchSharp.torch;

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

    /// <summary>Runs <paramref name="body"/> once per rank, each on its own thread and collectives; rethrows the first failure.</summary>
    public static T[] Run<T>(int worldSize, Func<ICollectives, T> body)
    {
        var outcomes = RunCatching(worldSize, body);
        var failure = outcomes.Select(o => o.Error).FirstOrDefault(e => e != null);
        if (failure != null) ExceptionDispatchInfo.Capture(failure).Throw();
        return outcomes.Select(o => o.Result!).ToArray();
    }

    /// <summary>Runs <paramref name="body"/> once per rank and returns each rank's result or exception.</summary>
    public static (T? Result, Exception? Error)[] RunCatching<T>(int worldSize, Func<ICollectives, T> body,
        double timeoutSeconds = TimeoutSeconds)
    {
        var port = FreePort();
        var outcomes = new (T? Result, Exception? Error)[worldSize];
        var threads = Enumerable.Range(0, worldSize).Select(rank => new Thread(() =>
        {
            try
            {
                using var scope = NewDisposeScope();
                using var group = GlooCollectives.Join(Options(rank, worldSize, port, timeoutSeconds));
                outcomes[rank] = (body(group), null);
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
