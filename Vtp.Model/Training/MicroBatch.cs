// One micro-batch of a training step, with the random sources its loss draws from.
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Training;

/// <summary>
/// The clips of one micro-batch, the device to compute on, and the random sources of its draws. Per-clip draws (masks)
/// come from <see cref="ClipRandom"/>, seeded by the run's seed, the epoch and the clip's sample alone: a clip draws the
/// same masks whatever micro-batch or process it lands in, so splitting a batch across processes changes nothing.
/// Draws over the whole micro-batch (VTM negatives) come from <see cref="BatchRandom"/>.
/// </summary>
public sealed class MicroBatch
{
    private readonly int seed, epoch;

    /// <param name="clips">The clips, in loader order.</param>
    /// <param name="device">Where the loss is computed.</param>
    /// <param name="seed">The run's seed (of the per-clip sources).</param>
    /// <param name="epoch">The epoch the clips belong to.</param>
    /// <param name="batchRandom">The source of draws over the whole micro-batch.</param>
    /// <param name="gather">See <see cref="GatherFeatures"/>.</param>
    public MicroBatch(IReadOnlyList<LoadedClip> clips, Device device, int seed, int epoch, Random batchRandom, Func<Tensor, Tensor>? gather = null)
    {
        (Clips, Device, this.seed, this.epoch, BatchRandom, GatherFeatures) = (clips, device, seed, epoch, batchRandom, gather);
    }

    /// <summary>The clips, in loader order.</summary>
    public IReadOnlyList<LoadedClip> Clips { get; }

    /// <summary>Where the loss is computed.</summary>
    public Device Device { get; }

    /// <summary>The source of draws over the whole micro-batch.</summary>
    public Random BatchRandom { get; }

    /// <summary>In a data-parallel run with <see cref="TrainingOptions.GatherNegatives"/>: gathers a [B, C] feature batch
    /// from every process into [processes x B, C], with gradients, for contrastive losses with more negatives. Null
    /// otherwise (the official per-process negatives).</summary>
    public Func<Tensor, Tensor>? GatherFeatures { get; }

    /// <summary>A new source of <paramref name="clip"/>'s own draws (the same for the same seed, epoch and sample).</summary>
    public Random ClipRandom(LoadedClip clip) => new(SeedMixer.Mix(seed, epoch, clip.SampleIndex, ClipStream));

    /// <summary>One source per clip, in order.</summary>
    public IReadOnlyList<Random> ClipRandoms() => Clips.Select(ClipRandom).ToList();

    // Keeps the clip draws apart from the loader's crop draws, which mix the same seed, epoch and sample.
    private const int ClipStream = 0x6D61736B;
}
