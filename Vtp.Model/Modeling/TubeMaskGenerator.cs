// Port of VideoMAE masking_generator.py: TubeMaskingGenerator (§1.4), drawing from an explicit System.Random instead
// of numpy's global generator.
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// Tube masks: per sample one shuffled spatial mask with int(video_mask_ratio * h * w) masked positions, repeated
/// over the t temporal slices (token n = t*h*w + position), so every row masks exactly N_mask tokens.
/// </summary>
public sealed class TubeMaskGenerator
{
    private readonly SimVtpConfig config;
    private readonly Random random;

    /// <param name="config">The token grid and mask ratio; validated.</param>
    /// <param name="random">Source of the draws (seed it for reproducible masks).</param>
    public TubeMaskGenerator(SimVtpConfig config, Random random)
    {
        this.config = config.Validate();
        this.random = random;
    }

    /// <summary>One tube mask per sample: -> bool_masked_pos [B, N], True = masked.</summary>
    public Tensor Next(int batch)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "a mask batch needs at least one sample");
        return Draw(config, Enumerable.Repeat(random, batch).ToList());
    }

    /// <summary>One tube mask per source, row i drawn from <paramref name="sources"/>[i] alone (a sample keeps its mask
    /// whatever batch it is in): -> bool_masked_pos [B, N].</summary>
    public static Tensor ForSamples(SimVtpConfig config, IReadOnlyList<Random> sources)
    {
        if (sources.Count < 1) throw new ArgumentException("a mask batch needs at least one sample", nameof(sources));
        return Draw(config.Validate(), sources);
    }

    private static Tensor Draw(SimVtpConfig config, IReadOnlyList<Random> sources)
    {
        var (frame, tokens) = (config.PatchesPerFrame, config.NumPatches);
        var masks = new bool[(long)sources.Count * tokens];
        var spatial = new bool[frame];
        for (int sample = 0; sample < sources.Count; sample++)
        {
            Array.Clear(spatial);
            Array.Fill(spatial, true, 0, config.MaskedPerFrame);
            sources[sample].Shuffle(spatial);
            for (int t = 0; t < config.Grid.Time; t++)
                spatial.CopyTo(masks, (long)sample * tokens + (long)t * frame);
        }
        return tensor(masks, [sources.Count, tokens]);                                      // [B, N]
    }
}
