using TorchSharp;
using TorchSharp.Modules;
using Vtp.Distributed.Native;
using static TorchSharp.torch;

namespace Vtp.Distributed;

/// <summary>
/// Data-parallel gradient averaging, the engine of PyTorch's DistributedDataParallel: libtorch's own c10d::Reducer.
/// During a synchronised <see cref="Backward"/>, autograd hooks copy each gradient into a flat bucket as soon as it is
/// ready and start that bucket's all-reduce while backward continues (communication overlaps computation on the
/// gloo worker threads); when backward returns, every parameter's <c>.grad</c> holds the mean over the ranks of the
/// gradients accumulated since the last synchronised step. As in DDP, a bucket holds whole parameters, up to
/// <c>bucketBytes</c> (the first one up to 1 MiB); the first synchronised step uses a single bucket, and from the second
/// on the buckets follow the order in which the gradients became ready (with <c>findUnusedParameters</c>, the buckets
/// follow the reverse parameter order from the start and are never rebuilt).
/// <para>Gradient accumulation: call <c>Backward(loss, synchronize: false)</c> on all micro-batches but the last
/// (gradients only accumulate locally, like DDP's no_sync) and <c>Backward(loss)</c> on the last one.</para>
/// <para>Every parameter must receive a gradient in each synchronised backward; otherwise <see cref="Backward"/> throws a
/// <see cref="DistributedException"/> listing the parameter indices that did not (indices into the parameters given to
/// the constructor). With <c>findUnusedParameters: true</c> the loss's graph is searched first and unused parameters
/// count as zero (their <c>.grad</c> becomes the others' average, or stays untouched when no rank used them).</para>
/// Parameters that do not require grad are left out, as in DDP. Start from identical weights: see
/// <see cref="BroadcastParameters"/>.
/// </summary>
public sealed class GradientReducer : IDisposable
{
    /// <summary>DDP's default bucket size, 25 MiB.</summary>
    public const long DefaultBucketBytes = 25L << 20;

    private readonly ProcessGroup group;
    private readonly ReducerHandle handle;

    /// <summary>
    /// Registers the hooks on <paramref name="parameters"/> (those that require grad). Every rank must pass the same
    /// parameter shapes in the same order; this is checked across ranks (a collective).
    /// </summary>
    /// <exception cref="ArgumentException">No parameter requires grad, or <paramref name="bucketBytes"/> is not positive.</exception>
    /// <exception cref="DistributedException">The ranks' parameter lists differ, or the check's collective failed.</exception>
    public unsafe GradientReducer(ProcessGroup group, IEnumerable<Parameter> parameters, long bucketBytes = DefaultBucketBytes,
        bool findUnusedParameters = false)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(parameters);
        if (bucketBytes <= 0) throw new ArgumentException($"Bucket size must be positive, got {bucketBytes} bytes.", nameof(bucketBytes));
        var trained = parameters.Where(p => p.requires_grad).ToArray();
        if (trained.Length == 0) throw new ArgumentException("GradientReducer needs at least one parameter that requires grad.", nameof(parameters));
        this.group = group;
        var handles = trained.Select(p => p.Handle).ToArray();
        fixed (IntPtr* p = handles)
            handle = NativeMethods.vtp_dist_reducer_new(group.Handle, p, handles.Length, bucketBytes, findUnusedParameters);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            group.Check(-1, "creating the GradientReducer");
        }
        ParameterCount = trained.Length;
        BytesPerStep = trained.Sum(p => p.numel() * p.element_size());
    }

    /// <summary>The number of parameters whose gradients are averaged.</summary>
    public int ParameterCount { get; }

    /// <summary>Bytes of gradient each rank all-reduces per synchronised step (the sum of the parameters' sizes).</summary>
    public long BytesPerStep { get; }

    /// <summary>The current number of buckets (without <c>findUnusedParameters</c>: 1 until the rebuild at the second synchronised step).</summary>
    public int BucketCount => (int)NativeMethods.vtp_dist_reducer_bucket_count(handle);

    /// <summary>
    /// Runs backward from <paramref name="loss"/>. With <paramref name="synchronize"/> the gradients are averaged over
    /// the ranks during this backward (every rank must call it); without, they only accumulate locally.
    /// </summary>
    /// <exception cref="DistributedException">
    /// A gradient all-reduce failed (a peer died, the timeout passed), a parameter received no gradient, or backward
    /// itself failed. The reducer is unusable afterwards.
    /// </exception>
    public void Backward(Tensor loss, bool synchronize = true)
    {
        ArgumentNullException.ThrowIfNull(loss);
        group.Check(NativeMethods.vtp_dist_reducer_backward(handle, loss.Handle, synchronize),
            $"GradientReducer.Backward (synchronize: {synchronize})");
    }

    /// <summary>
    /// Copies rank 0's parameters and buffers into every rank's <paramref name="module"/> (in place, coalesced into
    /// buckets), so that all ranks start from identical weights. Every rank must call it with the same architecture; the
    /// shapes are checked across ranks first.
    /// </summary>
    /// <exception cref="DistributedException">The ranks' modules differ, or the broadcast failed.</exception>
    public static unsafe void BroadcastParameters(ProcessGroup group, nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(module);
        var handles = module.parameters().Select(p => p.Handle).Concat(module.buffers().Select(b => b.Handle)).ToArray();
        fixed (IntPtr* p = handles)
            group.Check(NativeMethods.vtp_dist_broadcast_coalesced(group.Handle, p, handles.Length, 0), "BroadcastParameters");
    }

    /// <summary>Removes the hooks and frees the buckets.</summary>
    public void Dispose() => handle.Dispose();
}
