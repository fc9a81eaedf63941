// Data-parallel collectives on CPU memory through Debian's gloo (libVtpGloo), with the C# rendezvous store.
using System.Runtime.InteropServices;
using System.Text;

using Vtp.Collectives;

namespace Vtp.Distributed;

/// <summary>
/// One rank's connection to the other ranks of a job, for collectives on raw CPU memory: gloo's ring all-reduce,
/// tree broadcast, ring all-gather and barrier. <see cref="Join"/> rendezvouses through a <see cref="RendezvousStore"/>
/// that rank 0 hosts. Every rank must call the same collectives in the same order, one at a time (calls from several
/// threads are serialized); each waits at most <see cref="DistributedOptions.Timeout"/>. A failure throws a
/// <see cref="DistributedException"/> naming the collective, this rank and gloo's message; the communicator is
/// unusable afterwards. With <see cref="DistributedOptions.CheckShapes"/> the ranks first compare what they were asked
/// (kind, count, type, reduction or root), so that a mismatch fails on every rank instead of aborting the process in gloo.
/// </summary>
public sealed unsafe class GlooCommunicator : IDisposable
{
    private readonly GlooExports exports;
    private readonly RendezvousStore store;
    private readonly GlooContextHandle context;
    private readonly object gate = new();

    private GlooCommunicator(DistributedOptions options, GlooExports exports, RendezvousStore store, IntPtr context)
    {
        Options = options;
        this.exports = exports;
        this.store = store;
        this.context = new GlooContextHandle(context, exports);
    }

    /// <summary>The options this rank joined with.</summary>
    public DistributedOptions Options { get; }

    /// <summary>This process's rank, 0 to <see cref="WorldSize"/> - 1.</summary>
    public int Rank => Options.Rank;

    /// <summary>The number of ranks in the job.</summary>
    public int WorldSize => Options.WorldSize;

    /// <summary>
    /// The file that provides the gloo code libVtpGloo runs: Debian's libgloo.so.0, never another library that exports
    /// gloo symbols (TorchSharp's libtorch_cpu.so). Loads libVtpGloo.
    /// </summary>
    public static string GlooLibraryFile => GlooLibrary.Exports.Provider;

    /// <summary>
    /// Joins the job: hosts the rendezvous store on rank 0, connects every pair of ranks over TCP (bound to 127.0.0.1
    /// for a loopback master, else to the address of the interface that routes to the master), and returns once every
    /// rank has joined.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid, or the backend is "nccl".</exception>
    /// <exception cref="DistributedException">The rendezvous failed or timed out; the message names the store's address.</exception>
    /// <exception cref="DllNotFoundException">libVtpGloo.so is missing (run scripts/bootstrap).</exception>
    public static GlooCommunicator Join(DistributedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Backend is not (null or "gloo"))
            throw new ArgumentException($"Backend '{options.Backend}' is not served by GlooCommunicator (expected 'gloo': CPU memory).", nameof(options));
        var exports = GlooLibrary.Exports;
        var at = $"{options.MasterAddress}:{options.MasterPort}";
        RendezvousStore store;
        try
        {
            store = RendezvousStore.Open(options);
        }
        catch (DistributedException e)
        {
            throw new DistributedException($"join (rendezvous at {at}) failed on rank {options.Rank} of {options.WorldSize}: {e.Message}", e);
        }
        try
        {
            var context = Connect(options, exports, store);
            var communicator = new GlooCommunicator(options, exports, store, context);
            try
            {
                // Every rank has finished its rendezvous once this returns, so rank 0 may dispose the store at any time.
                communicator.Run(new CollectiveCall(CollectiveKind.Barrier), check: false, ctx => exports.Barrier(ctx));
            }
            catch
            {
                communicator.context.Dispose();
                throw;
            }
            return communicator;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static IntPtr Connect(DistributedOptions options, GlooExports exports, RendezvousStore store)
    {
        var local = MasterAddress.LocalAddressToward(store.MasterIp, options.MasterPort).ToString();
        var handle = GCHandle.Alloc(store);
        try
        {
            var callbacks = StoreCallbacks.For(handle);
            IntPtr context;
            int status;
            fixed (byte* address = Encoding.UTF8.GetBytes(local + "\0"))
                status = exports.ContextNew(options.Rank, options.WorldSize, address, (long)Math.Ceiling(options.Timeout.TotalMilliseconds), &callbacks, &context);
            return status == 0 ? context : throw new DistributedException(
                $"join (rendezvous at {store.Endpoint}, local address {local}) failed on rank {options.Rank} of {options.WorldSize}: {exports.LastError}");
        }
        finally
        {
            handle.Free();  // native code calls the store only inside vtp_gloo_context_new
        }
    }

    /// <summary>
    /// Replaces <paramref name="count"/> elements at <paramref name="data"/> with their element-wise reduction over
    /// ranks. <see cref="ReduceOp.Average"/> (floating-point types only) is gloo's sum divided by the world size here.
    /// </summary>
    /// <exception cref="ArgumentException">A bad count, null data, an unsupported type, or Average on integers.</exception>
    /// <exception cref="DistributedException">The collective failed or timed out.</exception>
    public void AllReduce(IntPtr data, long count, ElementType type, ReduceOp op = ReduceOp.Sum)
    {
        CheckBuffer(data, count, type, nameof(data));
        if (!Enum.IsDefined(op)) throw new ArgumentOutOfRangeException(nameof(op), op, $"Reduction {(int)op} is not defined.");
        if (op == ReduceOp.Average && !ElementTypes.IsFloatingPoint(type))
            throw new ArgumentException($"Average needs a floating-point element type, got {type}; use Sum and divide.", nameof(op));
        var native = op == ReduceOp.Average ? ReduceOp.Sum : op;
        Run(new CollectiveCall(CollectiveKind.AllReduce, count, type, (long)op), Options.CheckShapes,
            ctx => exports.AllReduce(ctx, data, count, (int)type, (int)native));
        if (op == ReduceOp.Average) ElementTypes.Divide(data, count, type, WorldSize);
    }

    /// <summary>Replaces <paramref name="count"/> elements at <paramref name="data"/> with rank <paramref name="root"/>'s.</summary>
    /// <exception cref="ArgumentException">A bad count, null data, an unsupported type, or a root out of range.</exception>
    /// <exception cref="DistributedException">The collective failed or timed out.</exception>
    public void Broadcast(IntPtr data, long count, ElementType type, int root)
    {
        CheckBuffer(data, count, type, nameof(data));
        if (root < 0 || root >= WorldSize)
            throw new ArgumentOutOfRangeException(nameof(root), root, $"Broadcast root {root} is out of range for world size {WorldSize} (expected 0 to {WorldSize - 1}).");
        Run(new CollectiveCall(CollectiveKind.Broadcast, count, type, root), Options.CheckShapes,
            ctx => exports.Broadcast(ctx, data, count, (int)type, root));
    }

    /// <summary>
    /// Writes every rank's <paramref name="countPerRank"/> elements at <paramref name="input"/> to
    /// <paramref name="output"/> (<see cref="WorldSize"/> x <paramref name="countPerRank"/> elements) in rank order.
    /// <paramref name="input"/> may be this rank's slot of <paramref name="output"/>, and must not overlap it otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">A bad count, a null pointer or an unsupported type.</exception>
    /// <exception cref="DistributedException">The collective failed or timed out.</exception>
    public void AllGather(IntPtr input, IntPtr output, long countPerRank, ElementType type)
    {
        CheckBuffer(input, countPerRank, type, nameof(input));
        CheckBuffer(output, countPerRank, type, nameof(output));
        Run(new CollectiveCall(CollectiveKind.AllGather, countPerRank, type), Options.CheckShapes,
            ctx => exports.AllGather(ctx, input, output, countPerRank, (int)type));
    }

    /// <summary>Returns once every rank has called it.</summary>
    /// <exception cref="DistributedException">A peer failed, or not every rank arrived within the timeout.</exception>
    public void Barrier() =>
        Run(new CollectiveCall(CollectiveKind.Barrier), Options.CheckShapes, ctx => exports.Barrier(ctx));

    /// <summary>As <see cref="AllReduce(IntPtr, long, ElementType, ReduceOp)"/> on a span (byte, sbyte, int, long, Half, float, double).</summary>
    public void AllReduce<T>(Span<T> data, ReduceOp op = ReduceOp.Sum) where T : unmanaged
    {
        var type = ElementTypes.Of<T>();
        fixed (T* p = data) AllReduce((IntPtr)p, data.Length, type, op);
    }

    /// <summary>As <see cref="Broadcast(IntPtr, long, ElementType, int)"/> on a span.</summary>
    public void Broadcast<T>(Span<T> data, int root) where T : unmanaged
    {
        var type = ElementTypes.Of<T>();
        fixed (T* p = data) Broadcast((IntPtr)p, data.Length, type, root);
    }

    /// <summary>As <see cref="AllGather(IntPtr, IntPtr, long, ElementType)"/> on spans; <paramref name="output"/> holds
    /// <see cref="WorldSize"/> times as many elements as <paramref name="input"/>.</summary>
    public void AllGather<T>(ReadOnlySpan<T> input, Span<T> output) where T : unmanaged
    {
        var type = ElementTypes.Of<T>();
        if ((long)output.Length != (long)input.Length * WorldSize)
            throw new ArgumentException(
                $"all_gather output holds {output.Length} elements; expected {WorldSize} ranks x {input.Length} = {(long)input.Length * WorldSize}.", nameof(output));
        fixed (T* i = input)
        fixed (T* o = output)
            AllGather((IntPtr)i, (IntPtr)o, input.Length, type);
    }

    // Runs one native collective under the lock, after checking (when asked) that every rank runs the same one.
    private void Run(CollectiveCall call, bool check, Func<IntPtr, int> collective)
    {
        lock (gate)
        {
            var status = context.Use(ctx =>
            {
                if (check && WorldSize > 1)
                {
                    var agreed = Agree(ctx, call);
                    if (agreed != 0) return agreed;
                }
                return collective(ctx);
            });
            if (status != 0) throw Failed(call, exports.LastError);
        }
    }

    // All-gathers every rank's call and throws, on every rank alike, when they differ; returns a native status.
    private int Agree(IntPtr ctx, CollectiveCall call)
    {
        var mine = call.ToLongs();
        var all = new long[CollectiveCall.Longs * WorldSize];
        int status;
        fixed (long* m = mine)
        fixed (long* a = all)
            status = exports.AllGather(ctx, (IntPtr)m, (IntPtr)a, CollectiveCall.Longs, (int)ElementType.Int64);
        if (status != 0) return status;
        var calls = Enumerable.Range(0, WorldSize).Select(r => CollectiveCall.FromLongs(all.AsSpan(r * CollectiveCall.Longs, CollectiveCall.Longs))).ToList();
        if (calls.All(c => c == call)) return 0;
        throw Failed(call, "the ranks called different collectives: " + string.Join(", ", calls.Select((c, r) => $"rank {r} {c}")));
    }

    private DistributedException Failed(CollectiveCall call, string message) =>
        new($"{call} failed on rank {Rank} of {WorldSize}: {message}");

    private static void CheckBuffer(IntPtr data, long count, ElementType type, string name)
    {
        ElementTypes.SizeOf(type);  // throws for an undefined type
        if (count < 0) throw new ArgumentOutOfRangeException(name, count, $"Element count must not be negative, got {count}.");
        if (data == IntPtr.Zero && count > 0) throw new ArgumentException($"{name} is a null pointer for {count} elements.", name);
    }

    /// <summary>Closes the connections to the other ranks (their pending collectives with this rank fail), then the store
    /// (on rank 0 this stops the server).</summary>
    public void Dispose()
    {
        context.Dispose();
        store.Dispose();
    }
}
