using System.Text;
using TorchSharp;
using Vtp.Distributed.Native;
using static TorchSharp.torch;

namespace Vtp.Distributed;

/// <summary>
/// This process's membership of a data-parallel job: c10d's TCPStore rendezvous (hosted by rank 0) and a
/// ProcessGroupGloo (or ProcessGroupNCCL) backend. Collectives are blocking and must be called by every rank in the
/// same order with tensors of the same shape; any failure (a peer that died, a closed connection, the timeout) throws
/// <see cref="DistributedException"/> within <see cref="DistributedOptions.Timeout"/>. The rendezvous follows
/// <c>torch.distributed.init_process_group("gloo", init_method="tcp://ADDR:PORT", ...)</c> step by step, so PyTorch
/// processes can join the same group (with <see cref="DistributedOptions.CheckShapes"/> off, the collectives are
/// PyTorch's exactly). Use one group from one thread at a time.
/// </summary>
public sealed class ProcessGroup : IDisposable
{
    private readonly GroupHandle handle;

    private ProcessGroup(GroupHandle handle, DistributedOptions options)
    {
        this.handle = handle;
        Options = options;
    }

    /// <summary>The options this process joined with.</summary>
    public DistributedOptions Options { get; }

    /// <summary>This process's rank, 0 to <see cref="WorldSize"/> - 1.</summary>
    public int Rank => Options.Rank;

    /// <summary>The number of processes in the group.</summary>
    public int WorldSize => Options.WorldSize;

    /// <summary>Whether this build of the native library can use the "nccl" backend (it needs a CUDA libtorch).</summary>
    public static bool IsNcclAvailable => NativeMethods.vtp_dist_has_nccl();

    internal GroupHandle Handle => handle;

    /// <summary>
    /// Joins the job: rank 0 hosts the rendezvous store on <see cref="DistributedOptions.MasterPort"/>, and every rank
    /// blocks until all <see cref="DistributedOptions.WorldSize"/> ranks have joined.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="DistributedException">The rendezvous failed or timed out; the message names address, port, rank, world size and timeout.</exception>
    public static ProcessGroup Join(DistributedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var handle = NativeMethods.vtp_dist_group_new(options.Backend, options.MasterAddress, options.MasterPort, options.Rank,
            options.WorldSize, (long)Math.Ceiling(options.Timeout.TotalMilliseconds), options.CheckShapes);
        if (handle.IsInvalid)
        {
            var error = NativeMethods.TakeError();
            handle.Dispose();
            throw new DistributedException(
                $"Joining the {options.Backend} process group at {options.MasterAddress}:{options.MasterPort} as rank {options.Rank} " +
                $"of {options.WorldSize} failed (timeout {options.Timeout}; rank 0 hosts the rendezvous store there, and all ranks " +
                $"must join within the timeout): {error}");
        }
        return new ProcessGroup(handle, options);
    }

    /// <summary>Combines <paramref name="tensor"/> over all ranks with <paramref name="op"/>, in place on every rank.</summary>
    public void AllReduce(Tensor tensor, ReduceOp op = ReduceOp.Sum)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (op == ReduceOp.Average && !tensor.is_floating_point())
            throw new ArgumentException($"ReduceOp.Average needs a floating-point tensor, got {tensor.dtype}.", nameof(op));
        var native = op == ReduceOp.Average ? ReduceOp.Sum : op;  // gloo has no average: sum, then divide
        Check(NativeMethods.vtp_dist_all_reduce(handle, tensor.Handle, (int)native), $"all_reduce ({op})");
        if (op == ReduceOp.Average)
            using (no_grad()) tensor.div_(WorldSize);
    }

    /// <summary>Copies rank <paramref name="root"/>'s <paramref name="tensor"/> into every rank's tensor of the same shape, in place.</summary>
    public void Broadcast(Tensor tensor, int root)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckRank(root, nameof(root));
        Check(NativeMethods.vtp_dist_broadcast(handle, tensor.Handle, root), $"broadcast from rank {root}");
    }

    /// <summary>
    /// Every rank's <paramref name="tensor"/> (all of the same shape [B, ...]) concatenated along dim 0 in rank order:
    /// [WorldSize * B, ...]. Not differentiable; see <see cref="ProcessGroupAutograd.AllGatherWithGradient"/>.
    /// </summary>
    public Tensor AllGather(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return Tensor.UnsafeCreateTensor(Check(NativeMethods.vtp_dist_all_gather(handle, tensor.Handle), "all_gather"));
    }

    /// <summary>Blocks until every rank has reached this barrier.</summary>
    public void Barrier() => Check(NativeMethods.vtp_dist_barrier(handle), "barrier");

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> in the rendezvous store, visible to every rank.</summary>
    public unsafe void SetString(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* p = bytes) Check(NativeMethods.vtp_dist_store_set(handle, key, p, bytes.Length), $"store set '{key}'");
    }

    /// <summary>The value some rank stored under <paramref name="key"/>, waiting for it up to the timeout.</summary>
    public unsafe string GetString(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var buffer = new byte[256];
        long length;
        fixed (byte* p = buffer) length = NativeMethods.vtp_dist_store_get(handle, key, p, buffer.Length);
        if (length > buffer.Length)
        {
            buffer = new byte[length];
            fixed (byte* p = buffer) length = NativeMethods.vtp_dist_store_get(handle, key, p, buffer.Length);
        }
        Check(length < 0 ? -1 : 0, $"store get '{key}'");
        return Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>Leaves the group: closes this rank's connections (and, on rank 0, the rendezvous store).</summary>
    public void Dispose() => handle.Dispose();

    internal void Check(int status, string operation)
    {
        if (status != 0) throw Failure(operation);
    }

    internal IntPtr Check(IntPtr result, string operation) => result != IntPtr.Zero ? result : throw Failure(operation);

    internal void CheckRank(int rank, string parameter)
    {
        if (rank < 0 || rank >= WorldSize)
            throw new ArgumentOutOfRangeException(parameter, rank, $"Rank {rank} is out of range for world size {WorldSize} (expected 0 to {WorldSize - 1}).");
    }

    private DistributedException Failure(string operation) =>
        new($"{operation} failed on rank {Rank} of {WorldSize}: {NativeMethods.TakeError()}");
}
