// DDP's gradient averaging on TorchSharp, which has no tensor gradient hooks: after backward, the gradients are copied
// into flat buckets of about 25 MiB, each bucket is all-reduced and divided by the world size, and the means are
// copied back. Without hooks the all-reduce cannot overlap backward (docs/distributed.md measures what that costs).
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Collectives;

/// <summary>
/// Averages the gradients of a fixed list of parameters over the ranks of an <see cref="ICollectives"/>, in flat buckets
/// of whole parameters (DDP's layout: reverse parameter order, up to <see cref="DefaultBucketBytes"/> each), reused from
/// step to step. A parameter without a gradient on some rank counts as zero there (DDP's find_unused_parameters); one
/// that no rank used keeps no gradient. Every rank must hold the same parameter shapes in the same order.
/// </summary>
public sealed class GradientBuckets : IDisposable
{
    /// <summary>DDP's default bucket size, 25 MiB.</summary>
    public const long DefaultBucketBytes = 25L << 20;

    private readonly ICollectives group;
    private readonly Parameter[] parameters;
    private readonly List<(Tensor Flat, int[] Members, long[] Offsets)> buckets = [];

    /// <param name="group">The ranks to average over.</param>
    /// <param name="parameters">The parameters whose gradients are averaged (those that do not require grad are left out).</param>
    /// <param name="bucketBytes">The largest bucket, in bytes (a parameter larger than it gets a bucket of its own).</param>
    public GradientBuckets(ICollectives group, IEnumerable<Parameter> parameters, long bucketBytes = DefaultBucketBytes)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(parameters);
        if (bucketBytes <= 0) throw new ArgumentOutOfRangeException(nameof(bucketBytes), bucketBytes, "The bucket size must be positive.");
        this.group = group;
        this.parameters = parameters.Where(p => p.requires_grad).ToArray();
        if (this.parameters.Length == 0) throw new ArgumentException("No parameter requires grad.", nameof(parameters));
        var members = new List<int>();
        long bytes = 0;
        for (int i = this.parameters.Length - 1; i >= 0; i--)                       // DDP fills buckets from the last parameter
        {
            var size = this.parameters[i].numel() * this.parameters[i].element_size();
            if (members.Count > 0 && (bytes + size > bucketBytes || this.parameters[i].dtype != this.parameters[members[0]].dtype))
                (members, bytes) = (AddBucket(members), 0);
            members.Add(i);
            bytes += size;
        }
        AddBucket(members);
        BytesPerStep = this.parameters.Sum(p => p.numel() * p.element_size());
    }

    /// <summary>The number of buckets.</summary>
    public int BucketCount => buckets.Count;

    /// <summary>Bytes of gradient each rank all-reduces per averaging (the parameters' total size).</summary>
    public long BytesPerStep { get; }

    /// <summary>Replaces every parameter's gradient with its mean over the ranks (a collective: every rank calls it).</summary>
    public void Average()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var used = tensor(parameters.Select(p => p.grad is null ? 0f : 1f).ToArray(), device: parameters[0].device);
        group.AllReduce(used);                                                        // [P] ranks that used each parameter
        var usedBy = used.data<float>().ToArray();
        foreach (var (flat, members, offsets) in buckets)
        {
            for (int k = 0; k < members.Length; k++)
            {
                var slot = flat.narrow(0, offsets[k], parameters[members[k]].numel());
                if (parameters[members[k]].grad is { } grad) slot.copy_(grad.reshape(-1));
                else slot.zero_();
            }
            group.AllReduce(flat);
            flat.div_(group.WorldSize);
            for (int k = 0; k < members.Length; k++)
            {
                var p = parameters[members[k]];
                if (usedBy[members[k]] == 0) continue;                                // no rank used it: no gradient, as DDP
                var mean = flat.narrow(0, offsets[k], p.numel()).view(p.shape);
                if (p.grad is { } grad) grad.copy_(mean);
                else using (enable_grad()) (p * mean).sum().backward();               // creates p.grad = mean (no setter in TorchSharp)
            }
        }
    }

    private List<int> AddBucket(List<int> members)
    {
        var offsets = new long[members.Count];
        for (int k = 1; k < members.Count; k++) offsets[k] = offsets[k - 1] + parameters[members[k - 1]].numel();
        var total = offsets[^1] + parameters[members[^1]].numel();
        var first = parameters[members[0]];
        buckets.Add((zeros(total, dtype: first.dtype, device: first.device), members.ToArray(), offsets));
        return [];
    }

    /// <summary>Frees the buckets.</summary>
    public void Dispose()
    {
        foreach (var bucket in buckets) bucket.Flat.Dispose();
    }
}
