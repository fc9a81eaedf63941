// Vtp.Model's collectives seam over Gloo: CPU tensors handed to the communicator as raw memory.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vtp.Collectives;
using static TorchSharp.torch;

namespace Vtp.Distributed;

/// <summary>
/// <see cref="ICollectives"/> for CPU tensors over Gloo (<see cref="GlooCommunicator"/>): each collective works in place
/// on the tensor's memory. Tensors must be contiguous CPU tensors of a dtype Gloo reduces (float16/32/64, int32/64, uint8).
/// Every failure throws <see cref="DistributedException"/> naming the operation and this rank.
/// </summary>
public sealed class GlooCollectives : ICollectives
{
    private readonly GlooCommunicator communicator;

    private GlooCollectives(GlooCommunicator communicator) => this.communicator = communicator;

    /// <summary>Joins the job of <paramref name="options"/> (rank 0 hosts the rendezvous store; all ranks block until all
    /// have joined, up to the timeout).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="DistributedException">The rendezvous failed or timed out.</exception>
    public static GlooCollectives Join(DistributedOptions options) => new(GlooCommunicator.Join(options));

    /// <inheritdoc/>
    public int Rank => communicator.Rank;

    /// <inheritdoc/>
    public int WorldSize => communicator.WorldSize;

    /// <inheritdoc/>
    public void AllReduce(Tensor tensor, ReduceOp op = ReduceOp.Sum) => communicator.AllReduce(Memory(tensor), tensor.numel(), Check(tensor, nameof(tensor)), op);

    /// <inheritdoc/>
    public void Broadcast(Tensor tensor, int root) => communicator.Broadcast(Memory(tensor), tensor.numel(), Check(tensor, nameof(tensor)), root);

    /// <inheritdoc/>
    public Tensor AllGather(Tensor tensor)
    {
        var type = Check(tensor, nameof(tensor));
        var shape = tensor.shape.ToArray();
        shape[0] *= WorldSize;
        var gathered = empty(shape, dtype: tensor.dtype);                                  // [W x B, ...]
        communicator.AllGather(Memory(tensor), Memory(gathered), tensor.numel(), type);
        return gathered;
    }

    /// <inheritdoc/>
    public void Barrier() => communicator.Barrier();

    /// <summary>Leaves the job (rank 0 also closes the rendezvous store).</summary>
    public void Dispose() => communicator.Dispose();

    private static ElementType Check(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.device_type != DeviceType.CPU) throw new ArgumentException($"Gloo collectives take CPU tensors, got one on {tensor.device}.", name);
        if (!tensor.is_contiguous()) throw new ArgumentException("Gloo collectives take contiguous tensors.", name);
        return tensor.dtype switch
        {
            ScalarType.Float32 => ElementType.Float32,
            ScalarType.Float64 => ElementType.Float64,
            ScalarType.Int32 => ElementType.Int32,
            ScalarType.Int64 => ElementType.Int64,
            ScalarType.Byte => ElementType.UInt8,
            ScalarType.Float16 => ElementType.Float16,
            _ => throw new ArgumentException($"Gloo collectives do not take {tensor.dtype} tensors (float16/32/64, int32/64, uint8).", name),
        };
    }

    // The tensor's first element (TorchSharp's byte view of a contiguous CPU tensor's own memory, not a copy).
    private static unsafe IntPtr Memory(Tensor tensor) => (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetReference(tensor.bytes));
}
