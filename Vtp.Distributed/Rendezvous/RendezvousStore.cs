// The key-value store through which the ranks of a job find each other (gloo's rendezvous::Store interface).
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using static Vtp.Distributed.RendezvousProtocol;

namespace Vtp.Distributed;

/// <summary>
/// A small key-value store over TCP for the rendezvous: rank 0 hosts it on <see cref="DistributedOptions.MasterAddress"/>:
/// <see cref="DistributedOptions.MasterPort"/> (bound to that address when it is a loopback one, else to every address),
/// and every rank, rank 0 included, is a client. Reads wait until their keys are present, bounded by a timeout; a
/// timeout throws a <see cref="DistributedException"/> naming the store's address, the keys and the timeout.
/// Requests from several threads are served one at a time. Disposing rank 0's store stops the server.
/// </summary>
public sealed class RendezvousStore : IDisposable
{
    // How much longer than a request's own timeout the client waits for the server's answer.
    private static readonly TimeSpan ReplySlack = TimeSpan.FromSeconds(5);

    private readonly RendezvousServer? server;
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly object gate = new();
    private string? failure;  // why the connection is unusable, once it is
    private int disposed;

    private RendezvousStore(RendezvousServer? server, TcpClient client, IPAddress master, string endpoint, TimeSpan timeout)
    {
        this.server = server;
        this.client = client;
        stream = client.GetStream();
        MasterIp = master;
        Endpoint = endpoint;
        Timeout = timeout;
    }

    /// <summary>The store's address as "host:port", as the options name it.</summary>
    public string Endpoint { get; }

    /// <summary>How long <see cref="Get"/> and <see cref="Wait(IReadOnlyCollection{string})"/> wait for keys.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Whether this process hosts the store (rank 0).</summary>
    public bool IsHost => server != null;

    internal IPAddress MasterIp { get; }

    /// <summary>
    /// Hosts the store when <paramref name="options"/> is rank 0, then connects to it, retrying until
    /// <see cref="DistributedOptions.Timeout"/> while rank 0 is not up yet.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="DistributedException">Rank 0 cannot listen on the port, or no connection within the timeout;
    /// the message names the address and port.</exception>
    public static RendezvousStore Open(DistributedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var endpoint = options.MasterAddress.Contains(':') ? $"[{options.MasterAddress}]:{options.MasterPort}" : $"{options.MasterAddress}:{options.MasterPort}";
        var master = MasterAddress.Resolve(options.MasterAddress);
        var server = options.Rank == 0
            ? RendezvousServer.Start(IPAddress.IsLoopback(master) ? master : null, options.MasterPort, endpoint)
            : null;
        try
        {
            return new RendezvousStore(server, Connect(master, options.MasterPort, endpoint, options.Timeout), master, endpoint, options.Timeout);
        }
        catch
        {
            server?.Dispose();
            throw;
        }
    }

    private static TcpClient Connect(IPAddress master, int port, string endpoint, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        Exception? last = null;
        for (long left; (left = deadline - Environment.TickCount64) > 0;)
        {
            var client = new TcpClient(master.AddressFamily) { NoDelay = true };
            try
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(left));
                client.ConnectAsync(master, port, cancel.Token).AsTask().GetAwaiter().GetResult();
                return client;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                client.Dispose();
                last = e;
                Thread.Sleep((int)Math.Clamp(deadline - Environment.TickCount64, 0, 100));  // rank 0 may not be up yet
            }
        }
        throw new DistributedException(
            $"Cannot connect to the rendezvous store at {endpoint} within {Describe(timeout)}: {last?.Message ?? "timed out"} " +
            $"(is rank 0 running, and is {endpoint} reachable from this machine?)", last ?? new TimeoutException());
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any earlier value.</summary>
    /// <exception cref="DistributedException">The store cannot be reached.</exception>
    public void Set(string key, ReadOnlySpan<byte> value)
    {
        CheckKey(key);
        var bytes = value.ToArray();
        Request(Frame(w => { w.Write((byte)Opcode.Set); WriteString(w, key); WriteBytes(w, bytes); }), Timeout, $"set '{key}'");
    }

    /// <summary>The value of <paramref name="key"/>, waiting at most <see cref="Timeout"/> until it is set.</summary>
    /// <exception cref="DistributedException">The key was not set within the timeout, or the store cannot be reached.</exception>
    public byte[] Get(string key)
    {
        CheckKey(key);
        var reply = Request(Frame(w => { w.Write((byte)Opcode.Get); w.Write(Milliseconds(Timeout)); WriteString(w, key); }), Timeout, $"get '{key}'");
        return reply is null ? throw TimedOut([key], Timeout) : ReadBytes(reply);
    }

    /// <summary>Returns once every key in <paramref name="keys"/> is set, waiting at most <see cref="Timeout"/>.</summary>
    /// <exception cref="DistributedException">A key was not set within the timeout, or the store cannot be reached.</exception>
    public void Wait(IReadOnlyCollection<string> keys) => Wait(keys, Timeout);

    /// <summary>Returns once every key in <paramref name="keys"/> is set, waiting at most <paramref name="timeout"/>.</summary>
    /// <exception cref="DistributedException">A key was not set within the timeout, or the store cannot be reached.</exception>
    public void Wait(IReadOnlyCollection<string> keys, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys) CheckKey(key);
        if (timeout <= TimeSpan.Zero) throw new ArgumentException($"Timeout must be positive, got {timeout}.", nameof(timeout));
        var frame = Frame(w =>
        {
            w.Write((byte)Opcode.Wait);
            w.Write(Milliseconds(timeout));
            w.Write(keys.Count);
            foreach (var key in keys) WriteString(w, key);
        });
        if (Request(frame, timeout, $"wait for {Quote(keys)}") is null) throw TimedOut(keys, timeout);
    }

    // Sends one request and returns the reader positioned after an Ok status, or null for TimedOut.
    private BinaryReader? Request(byte[] frame, TimeSpan wait, string what)
    {
        byte[] payload;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            if (failure != null)
                throw new DistributedException($"The connection to the rendezvous store at {Endpoint} failed earlier ({failure}); cannot {what}.");
            try
            {
                client.Client.ReceiveTimeout = (int)Math.Min(int.MaxValue, (wait + ReplySlack).TotalMilliseconds);
                stream.Write(frame);
                payload = ReadFrame(stream) ?? throw new EndOfStreamException("the store closed the connection");
            }
            catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
            {
                failure = e.Message;
                throw new DistributedException($"The rendezvous store at {Endpoint} did not answer ({what}): {e.Message} (did rank 0 exit?)", e);
            }
        }
        var reader = new BinaryReader(new MemoryStream(payload));
        return (Status)reader.ReadByte() switch
        {
            Status.Ok => reader,
            Status.TimedOut => null,
            _ => throw new DistributedException($"The rendezvous store at {Endpoint} refused the request ({what}): {ReadString(reader)}"),
        };
    }

    private DistributedException TimedOut(IReadOnlyCollection<string> keys, TimeSpan timeout) =>
        new($"Timed out after {Describe(timeout)} waiting for {(keys.Count == 1 ? "key" : "keys")} {Quote(keys)} in the rendezvous store at {Endpoint}.");

    private static void CheckKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) throw new ArgumentException("A rendezvous key must not be empty.", nameof(key));
    }

    private static long Milliseconds(TimeSpan timeout) => (long)Math.Ceiling(timeout.TotalMilliseconds);

    private static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"'{k}'"));

    /// <summary>A duration in seconds for messages ("2.5 s").</summary>
    internal static string Describe(TimeSpan duration) => $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    /// <summary>Closes the connection; rank 0 also stops the server (other ranks' requests then fail).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        client.Dispose();  // without the lock: a request blocked on its reply fails at once
        server?.Dispose();
    }
}
