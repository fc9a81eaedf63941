// The rendezvous store on its own: rank 0 hosts, every rank is a client; waits, timeouts and misbehaving clients.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vtp.Distributed;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class RendezvousStoreTests
{
    private const double Slack = 3;  // seconds allowed past a timeout

    private static RendezvousStore Open(int rank, int worldSize, int port, double timeoutSeconds = 5) =>
        RendezvousStore.Open(RankThreads.Options(rank, worldSize, port, timeoutSeconds));

    [TestMethod]
    public void ValuesSetByOneClientAreReadByAnother()
    {
        var port = RankThreads.FreePort();
        using var host = Open(0, 2, port);
        using var client = Open(1, 2, port);
        Assert.IsTrue(host.IsHost);
        Assert.IsFalse(client.IsHost);
        Assert.AreEqual($"127.0.0.1:{port}", client.Endpoint);
        client.Set("address/1", [1, 2, 3]);
        host.Set("empty", []);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, host.Get("address/1"));
        CollectionAssert.AreEqual(Array.Empty<byte>(), client.Get("empty"));
        client.Set("address/1", [9]);  // a set replaces
        CollectionAssert.AreEqual(new byte[] { 9 }, host.Get("address/1"));
    }

    [TestMethod]
    public void GetWaitsForAValueSetLater()
    {
        var port = RankThreads.FreePort();
        using var host = Open(0, 2, port);
        using var client = Open(1, 2, port);
        var read = Task.Run(() => client.Get("late"));
        // Not there yet: a wait for it alone times out, so the Get above is still waiting.
        Assert.ThrowsExactly<DistributedException>(() => host.Wait(["late"], TimeSpan.FromMilliseconds(300)));
        Assert.IsFalse(read.IsCompleted);
        host.Set("late", Encoding.UTF8.GetBytes("here"));
        Assert.AreEqual("here", Encoding.UTF8.GetString(read.Result));
    }

    [TestMethod]
    public void TimeoutsNameTheKeysTheAddressAndTheTimeout()
    {
        var port = RankThreads.FreePort();
        using var host = Open(0, 2, port, timeoutSeconds: 1);
        host.Set("a", [1]);
        var watch = Stopwatch.StartNew();
        var get = Assert.ThrowsExactly<DistributedException>(() => host.Get("missing"));
        Assert.IsLessThan(1 + Slack, watch.Elapsed.TotalSeconds);
        Assert.AreEqual($"Timed out after 1 s waiting for key 'missing' in the rendezvous store at 127.0.0.1:{port}.", get.Message);
        var wait = Assert.ThrowsExactly<DistributedException>(() => host.Wait(["a", "b"], TimeSpan.FromSeconds(0.5)));
        Assert.AreEqual($"Timed out after 0.5 s waiting for keys 'a', 'b' in the rendezvous store at 127.0.0.1:{port}.", wait.Message);
        host.Set("b", [2]);
        host.Wait(["a", "b"]);  // both present: returns
    }

    [TestMethod]
    public void ManyClientsExchangeValuesConcurrently()
    {
        const int clients = 16;
        var port = RankThreads.FreePort();
        using var host = Open(0, clients + 1, port);
        var seen = new int[clients + 1][];
        var errors = new Exception?[clients + 1];
        var threads = Enumerable.Range(1, clients).Select(rank => new Thread(() =>
        {
            try
            {
                using var store = Open(rank, clients + 1, port);
                store.Set($"rank/{rank}", BitConverter.GetBytes(rank * 1000));
                store.Wait(Enumerable.Range(1, clients).Select(r => $"rank/{r}").ToList());
                seen[rank] = Enumerable.Range(1, clients).Select(r => BitConverter.ToInt32(store.Get($"rank/{r}"))).ToArray();
            }
            catch (Exception e)
            {
                errors[rank] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.IsNull(errors.FirstOrDefault(e => e != null));
        var expected = Enumerable.Range(1, clients).Select(r => r * 1000).ToArray();
        foreach (var values in seen.Skip(1)) CollectionAssert.AreEqual(expected, values);
    }

    [TestMethod]
    public void ClientsThatLeaveOrSendGarbageDoNotDisturbTheOthers()
    {
        var port = RankThreads.FreePort();
        using var host = Open(0, 3, port);
        var leaving = Open(1, 3, port);
        var abandoned = Task.Run(() => leaving.Get("never"));
        Thread.Sleep(100);
        leaving.Dispose();  // disconnects while its Get waits on the server
        Assert.ThrowsExactly<AggregateException>(() => abandoned.Wait());
        using (var garbage = new TcpClient())
        {
            garbage.Connect(IPAddress.Loopback, port);
            garbage.GetStream().Write("GET / HTTP/1.1\r\n\r\n"u8);
            Assert.AreEqual(0, garbage.GetStream().Read(new byte[16]));  // the server hangs up on it
        }
        using var client = Open(2, 3, port);
        client.Set("still", [7]);
        CollectionAssert.AreEqual(new byte[] { 7 }, host.Get("still"));
    }

    [TestMethod]
    public void DisposingRank0StopsTheServer()
    {
        var port = RankThreads.FreePort();
        var host = Open(0, 2, port);
        using var client = Open(1, 2, port);
        client.Set("k", [1]);
        host.Dispose();
        var error = Assert.ThrowsExactly<DistributedException>(() => client.Get("k"));
        StringAssert.Contains(error.Message, $"The rendezvous store at 127.0.0.1:{port} did not answer (get 'k')");
        var reconnect = Assert.ThrowsExactly<DistributedException>(() => Open(1, 2, port, timeoutSeconds: 0.5));
        StringAssert.Contains(reconnect.Message, $"Cannot connect to the rendezvous store at 127.0.0.1:{port} within 0.5 s");
    }

    [TestMethod]
    public void Rank0FailsNamingThePortWhenItIsTaken()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var error = Assert.ThrowsExactly<DistributedException>(() => Open(0, 2, port));
            StringAssert.Contains(error.Message, $"Cannot host the rendezvous store on 127.0.0.1:{port}");
        }
        finally
        {
            taken.Stop();
        }
    }

    [TestMethod]
    public void BadKeysAndOptionsAreNamed()
    {
        var port = RankThreads.FreePort();
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Open(0, 1, 70000)).Message, "Master port 70000 is out of range");
        using var host = Open(0, 1, port);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => host.Set("", [1])).Message, "A rendezvous key must not be empty");
        Assert.ThrowsExactly<ArgumentNullException>(() => host.Get(null!));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => host.Wait(["a"], TimeSpan.Zero)).Message, "Timeout must be positive");
    }
}
