// The key-value server that rank 0 hosts for the rendezvous: a dictionary of byte values, and requests that wait
// (bounded by the client's timeout) until keys are present. A thread accepts connections and each client gets its own
// thread with blocking I/O: a job has tens of ranks, and dedicated threads cannot be starved by a busy thread pool.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using static Vtp.Distributed.RendezvousProtocol;

namespace Vtp.Distributed;

internal sealed class RendezvousServer : IDisposable
{
    private readonly TcpListener listener;
    private readonly Thread acceptor;
    private readonly ConcurrentDictionary<TcpClient, Thread> connections = new();
    private readonly object gate = new();  // guards values and stopped; pulsed by every set and by Dispose
    private readonly Dictionary<string, byte[]> values = new();
    private bool stopped;

    private RendezvousServer(TcpListener listener)
    {
        this.listener = listener;
        acceptor = new Thread(Accept) { IsBackground = true, Name = "rendezvous accept" };
        acceptor.Start();
    }

    /// <summary>Listens on <paramref name="address"/>:<paramref name="port"/> (every address when null).</summary>
    /// <exception cref="DistributedException">The port cannot be bound; the message names <paramref name="endpoint"/>.</exception>
    public static RendezvousServer Start(IPAddress? address, int port, string endpoint)
    {
        var listener = address is null ? TcpListener.Create(port) : new TcpListener(address, port);
        try
        {
            listener.Start(backlog: 1024);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new DistributedException(
                $"Cannot host the rendezvous store on {endpoint} ({address?.ToString() ?? "every address"}, port {port}): {e.Message}", e);
        }
        return new RendezvousServer(listener);
    }

    private void Accept()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = listener.AcceptTcpClient();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                if (IsStopped) return;
                continue;  // a connection that failed before it was accepted
            }
            client.NoDelay = true;
            var thread = new Thread(() => Serve(client)) { IsBackground = true, Name = "rendezvous client" };
            connections[client] = thread;
            if (IsStopped) client.Dispose();  // Dispose may have closed the others before this one was added
            thread.Start();
        }
    }

    private bool IsStopped
    {
        get { lock (gate) return stopped; }
    }

    // Answers one client's requests until it disconnects, sends garbage or the server stops.
    private void Serve(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            while (ReadFrame(stream) is { } request)
            {
                var (response, keepOpen) = Answer(request);
                stream.Write(response);
                if (!keepOpen) break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away, sent a bad frame, or the server is stopping: nothing to answer.
        }
        finally
        {
            connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private (byte[] Response, bool KeepOpen) Answer(byte[] request)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(request));
            switch ((Opcode)reader.ReadByte())
            {
                case Opcode.Set:
                    var key = ReadString(reader);
                    var value = ReadBytes(reader);
                    lock (gate)
                    {
                        values[key] = value;
                        Monitor.PulseAll(gate);
                    }
                    return (Frame(w => w.Write((byte)Status.Ok)), true);
                case Opcode.Get:
                {
                    var timeout = reader.ReadInt64();
                    var wanted = ReadString(reader);
                    var found = WaitFor([wanted], timeout);
                    return (Frame(w =>
                    {
                        w.Write((byte)(found != null ? Status.Ok : Status.TimedOut));
                        if (found != null) WriteBytes(w, found[0]);
                    }), true);
                }
                case Opcode.Wait:
                {
                    var timeout = reader.ReadInt64();
                    var keys = new string[reader.ReadInt32()];
                    for (var i = 0; i < keys.Length; i++) keys[i] = ReadString(reader);
                    var present = WaitFor(keys, timeout) != null;
                    return (Frame(w => w.Write((byte)(present ? Status.Ok : Status.TimedOut))), true);
                }
                case var other:
                    throw new InvalidDataException($"unknown opcode {(byte)other}");
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or OverflowException)
        {
            return (Frame(w => { w.Write((byte)Status.BadRequest); WriteString(w, e.Message); }), false);
        }
    }

    // The keys' values once all are present; null when timeoutMs passes first.
    private byte[][]? WaitFor(string[] keys, long timeoutMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        lock (gate)
        {
            while (!keys.All(values.ContainsKey))
            {
                if (stopped) throw new ObjectDisposedException(nameof(RendezvousServer));
                var left = deadline - Environment.TickCount64;
                if (left <= 0) return null;
                Monitor.Wait(gate, TimeSpan.FromMilliseconds(Math.Min(left, int.MaxValue)));
            }
            return keys.Select(k => values[k]).ToArray();
        }
    }

    /// <summary>Stops listening and closes every client connection (their pending requests fail).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (stopped) return;
            stopped = true;
            Monitor.PulseAll(gate);
        }
        listener.Stop();
        foreach (var client in connections.Keys) client.Dispose();
        acceptor.Join(TimeSpan.FromSeconds(5));
        foreach (var thread in connections.Values) thread.Join(TimeSpan.FromSeconds(5));
    }
}
