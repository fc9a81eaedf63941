// Vtp.Model's collectives seam over NVIDIA NCCL: CUDA tensors handed to NCCL as device memory. Untested: no machine
// that has run Vtp had a GPU (docs/distributed.md, "GPUs and NCCL").
using System.Runtime.InteropServices;
using Vtp.Collectives;
using Vtp.Native;
using static TorchSharp.torch;

namespace Vtp.Distributed;

/// <summary>
/// <see cref="ICollectives"/> for CUDA tensors over NVIDIA NCCL (libnccl.so.2, 2.10 or later). Each rank uses one
/// CUDA device, and its tensors must be contiguous and on that device. Every collective is synchronous: it waits for
/// the work already queued on the device, runs NCCL on the device's legacy default stream, and waits for it to finish.
/// NCCL waits for a dead or silent peer forever, so a watchdog aborts the communicator once
/// <see cref="DistributedOptions.Timeout"/> has passed or NCCL reports an error in the background; the collective then
/// throws and the instance is unusable. Every failure throws <see cref="DistributedException"/> naming the
/// operation, this rank and NCCL's message. Never run on a GPU by Vtp's tests so far: see docs/distributed.md.
/// </summary>
public sealed unsafe class NcclCollectives : ICollectives
{
    private const string UniqueIdKey = "nccl/unique_id";

    private readonly NcclExports exports;
    private readonly NcclComm comm;
    private readonly RendezvousStore store;
    private readonly Device device;
    private readonly TimeSpan timeout;
    private readonly Tensor token;                                                          // [1] float32, for Barrier

    private NcclCollectives(DistributedOptions options, int cudaDevice, NcclExports exports, NcclComm comm, RendezvousStore store)
    {
        (Rank, WorldSize, CudaDevice, timeout) = (options.Rank, options.WorldSize, cudaDevice, options.Timeout);
        (this.exports, this.comm, this.store) = (exports, comm, store);
        device = new Device(DeviceType.CUDA, cudaDevice);
        token = zeros(1, device: device);
    }

    /// <summary>The NCCL that <see cref="Join"/> uses, as "2.21.5". Loads libnccl.so.2.</summary>
    /// <exception cref="DllNotFoundException">libnccl.so.2 does not load; the message says how to install it.</exception>
    public static string LibraryVersion => NcclLibrary.Exports.Version;

    /// <summary>
    /// Joins the job on CUDA device <paramref name="cudaDevice"/>: rank 0 hosts the rendezvous store and publishes
    /// NCCL's unique id there, every rank reads it, and all create the communicator together (ncclCommInitRank).
    /// </summary>
    /// <param name="options">The job; <see cref="DistributedOptions.Backend"/> must be null or "nccl".</param>
    /// <param name="cudaDevice">The ordinal of this rank's CUDA device (cuda:N); one device per rank.</param>
    /// <exception cref="ArgumentException">The options are invalid, the backend is "gloo", or the device does not exist.</exception>
    /// <exception cref="InvalidOperationException">The loaded libtorch has no CUDA.</exception>
    /// <exception cref="DllNotFoundException">libnccl.so.2 or libcuda.so.1 does not load.</exception>
    /// <exception cref="DistributedException">The rendezvous or NCCL's initialization failed or timed out.</exception>
    public static NcclCollectives Join(DistributedOptions options, int cudaDevice)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Backend is not (null or "nccl"))
            throw new ArgumentException($"Backend '{options.Backend}' is not served by NcclCollectives (expected 'nccl': CUDA tensors).", nameof(options));
        if (!cuda.is_available())
            throw new InvalidOperationException("NCCL collectives need CUDA, but the loaded libtorch has none (TorchSharp's CPU package); " +
                "build with -p:VtpCuda=true on a machine with an NVIDIA GPU (docs/dependencies.md).");
        var count = cuda.device_count();
        if (cudaDevice < 0 || cudaDevice >= count)
            throw new ArgumentOutOfRangeException(nameof(cudaDevice), cudaDevice, $"CUDA device {cudaDevice} does not exist (this machine has {count}: 0 to {count - 1}).");
        var exports = NcclLibrary.Exports;
        var what = $"join (NCCL on cuda:{cudaDevice}, rendezvous at {options.MasterAddress}:{options.MasterPort})";
        RendezvousStore? store = null;
        try
        {
            store = RendezvousStore.Open(options);
            var id = ExchangeId(options, exports, store);
            CudaDriver.MakeCurrent(cudaDevice);
            IntPtr handle;
            var result = exports.CommInitRank(&handle, options.WorldSize, id, options.Rank);
            if (result != 0) throw new DistributedException($"ncclCommInitRank: {exports.Describe(result, IntPtr.Zero)}");
            var group = new NcclCollectives(options, cudaDevice, exports, new NcclComm(exports, handle), store);
            try
            {
                group.Barrier();
            }
            catch
            {
                group.comm.Abort("the join failed");
                group.token.Dispose();
                throw;
            }
            return group;
        }
        catch (Exception e) when (e is DistributedException or InvalidOperationException)
        {
            store?.Dispose();
            throw new DistributedException($"{what} failed on rank {options.Rank} of {options.WorldSize}: {e.Message}", e);
        }
        catch
        {
            store?.Dispose();
            throw;
        }
    }

    // Rank 0 creates the id; every rank reads it, then waits until all have (so that all reach ncclCommInitRank, which
    // cannot be aborted, within moments of each other).
    private static NcclUniqueId ExchangeId(DistributedOptions options, NcclExports exports, RendezvousStore store)
    {
        NcclUniqueId id;
        if (options.Rank == 0)
        {
            var result = exports.GetUniqueId(&id);
            if (result != 0) throw new DistributedException($"ncclGetUniqueId: {exports.Describe(result, IntPtr.Zero)}");
            store.Set(UniqueIdKey, new ReadOnlySpan<byte>(id.Internal, NcclUniqueId.Size));
        }
        else
        {
            var bytes = store.Get(UniqueIdKey);
            if (bytes.Length != NcclUniqueId.Size)
                throw new DistributedException($"the store holds a {bytes.Length}-byte NCCL unique id; expected {NcclUniqueId.Size} bytes.");
            bytes.CopyTo(new Span<byte>(id.Internal, NcclUniqueId.Size));
        }
        store.Set($"nccl/ready/{options.Rank}", [1]);
        store.Wait([.. Enumerable.Range(0, options.WorldSize).Select(r => $"nccl/ready/{r}")]);
        return id;
    }

    /// <inheritdoc/>
    public int Rank { get; }

    /// <inheritdoc/>
    public int WorldSize { get; }

    /// <summary>The ordinal of this rank's CUDA device; every tensor must be on it.</summary>
    public int CudaDevice { get; }

    /// <inheritdoc/>
    public void AllReduce(Tensor tensor, ReduceOp op = ReduceOp.Sum)
    {
        var type = Check(tensor, nameof(tensor));
        var reduction = NcclTypes.RedOp(op, tensor.dtype);
        var data = TensorMemory.Address(tensor);
        Run($"all_reduce ({op}, {tensor.numel()} x {tensor.dtype})", c => exports.AllReduce(data, data, (nuint)tensor.numel(), type, reduction, c, IntPtr.Zero));
    }

    /// <inheritdoc/>
    public void Broadcast(Tensor tensor, int root)
    {
        var type = Check(tensor, nameof(tensor));
        if (root < 0 || root >= WorldSize)
            throw new ArgumentOutOfRangeException(nameof(root), root, $"Broadcast root {root} is out of range for world size {WorldSize} (expected 0 to {WorldSize - 1}).");
        var data = TensorMemory.Address(tensor);
        Run($"broadcast (root {root}, {tensor.numel()} x {tensor.dtype})", c => exports.Broadcast(data, data, (nuint)tensor.numel(), type, root, c, IntPtr.Zero));
    }

    /// <inheritdoc/>
    public Tensor AllGather(Tensor tensor)
    {
        var type = Check(tensor, nameof(tensor));
        var shape = tensor.shape.ToArray();
        shape[0] *= WorldSize;
        var gathered = empty(shape, dtype: tensor.dtype, device: tensor.device);            // [W x B, ...]
        try
        {
            var (input, output) = (TensorMemory.Address(tensor), TensorMemory.Address(gathered));
            Run($"all_gather ({tensor.numel()} x {tensor.dtype} per rank)", c => exports.AllGather(input, output, (nuint)tensor.numel(), type, c, IntPtr.Zero));
            return gathered;
        }
        catch
        {
            gathered.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Barrier() => Run("barrier", c => exports.AllReduce(TensorMemory.Address(token), TensorMemory.Address(token), 1, NcclDataType.Float32, NcclRedOp.Sum, c, IntPtr.Zero));

    // Runs one collective synchronously under the watchdog; a failure aborts the communicator.
    private void Run(string what, Func<IntPtr, int> collective)
    {
        IntPtr handle;
        try
        {
            handle = comm.Handle;
        }
        catch (InvalidOperationException e)
        {
            throw Failed(what, e.Message);
        }
        string? failure;
        using (var watchdog = new NcclWatchdog(comm, timeout))
        {
            try
            {
                cuda.synchronize(device);                                                   // the tensors' producers have finished
                var result = collective(handle);
                failure = result == 0 ? null : comm.Describe(result);
                if (failure is null) cuda.synchronize(device);                              // NCCL has finished
            }
            catch (ExternalException e)
            {
                failure = $"CUDA: {e.Message}";
            }
            failure = watchdog.Stop() ?? failure;
        }
        if (failure is null) return;
        comm.Abort(failure);
        throw Failed(what, failure);
    }

    private DistributedException Failed(string what, string message) => new($"{what} failed on rank {Rank} of {WorldSize} (NCCL on cuda:{CudaDevice}): {message}");

    private NcclDataType Check(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.device_type != DeviceType.CUDA || tensor.device_index != CudaDevice)
            throw new ArgumentException($"NCCL collectives of this rank take tensors on cuda:{CudaDevice}, got one on {tensor.device}.", name);
        if (!tensor.is_contiguous()) throw new ArgumentException("NCCL collectives take contiguous tensors.", name);
        return NcclTypes.DataType(tensor.dtype);
    }

    /// <summary>Destroys the communicator (its peers' pending collectives with this rank fail or time out), then
    /// closes the rendezvous store (on rank 0 this stops the server).</summary>
    public void Dispose()
    {
        comm.Destroy();
        token.Dispose();
        store.Dispose();
    }
}
