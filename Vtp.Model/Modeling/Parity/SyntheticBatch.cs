// Seeded synthetic pretraining batches in the shape of reference/simvtp_inputs.py (random pixels, tube masks,
// captions with padding, MLM-picked tokens, VTM negatives), for parity fixtures. Real captions are tokenised and
// masked by Vtp.Text; this only builds id patterns that follow the dump format's rules.
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>A synthetic pretraining batch and its captions before MLM masking (used by the dual encoder).</summary>
/// <param name="Inputs">The pretraining inputs (input_ids already MLM-masked).</param>
/// <param name="InputIdsUnmasked">input_ids_unmasked [B, L] int64: the same captions before masking.</param>
public sealed record SyntheticBatch(PretrainInputs Inputs, Tensor InputIdsUnmasked)
{
    /// <summary>
    /// Draws a batch from <paramref name="random"/>: uniform [0, 1) pixels, ImageNet-normalised; tube masks; captions
    /// [CLS] ids [SEP] [PAD]... with ids in [104, V), sample 0 filling L and the last sample shorter when L > 3; each
    /// ordinary token picked with text_mask_ratio (drawn again until one is picked) and replaced by [MASK]; uniform
    /// VTM negatives.
    /// </summary>
    public static SyntheticBatch Create(SimVtpConfig config, int batch, int textLength, Random random)
    {
        config.Validate();
        if (batch < 2) throw new ArgumentOutOfRangeException(nameof(batch), batch, "VTM needs a batch of at least 2");
        if (textLength < 3 || textLength > config.MaxPositionEmbeddings)
            throw new ArgumentOutOfRangeException(nameof(textLength), textLength,
                $"text length must be in [3, max_position_embeddings {config.MaxPositionEmbeddings}]");
        var video = Video(config, batch, random);                                           // [B, 3, T, H, W]
        var mask = new TubeMaskGenerator(config, random).Next(batch);                       // [B, N]
        var (ids, attention) = Captions(config, batch, textLength, random);                 // [B, L] each
        var (masked, labels) = PickForMlm(ids, config.TextMaskRatio, random);
        var negatives = new VtmNegativeSampler(random).Uniform(batch);                      // [B]
        var shape = new long[] { batch, textLength };
        return new SyntheticBatch(
            new PretrainInputs(video, mask, tensor(masked, shape), tensor(attention, shape), tensor(labels, shape), negatives),
            tensor(ids, shape));
    }

    private static Tensor Video(SimVtpConfig config, int batch, Random random)
    {
        var plane = (long)config.NumFrames * config.ImageSize * config.ImageSize;
        var pixels = new float[batch * config.InChans * plane];
        for (long i = 0; i < pixels.LongLength; i++)
        {
            var channel = (int)(i / plane % config.InChans);
            pixels[i] = (float)((random.NextDouble() - ModelConstants.ImageNetMean[channel]) / ModelConstants.ImageNetStd[channel]);
        }
        return tensor(pixels, [batch, config.InChans, config.NumFrames, config.ImageSize, config.ImageSize]);
    }

    private static (long[] Ids, long[] Attention) Captions(SimVtpConfig config, int batch, int length, Random random)
    {
        var ids = new long[batch * length];
        var attention = new long[batch * length];
        for (int sample = 0; sample < batch; sample++)
        {
            var count = sample == 0 ? length : random.Next(3, length + 1);
            if (sample == batch - 1 && length > 3) count = Math.Min(count, length - 1);
            var row = ids.AsSpan(sample * length, length);
            row[0] = SpecialTokens.Cls;
            for (int j = 1; j < count - 1; j++) row[j] = random.NextInt64(SpecialTokens.Mask + 1, config.VocabSize);
            row[count - 1] = SpecialTokens.Sep;
            attention.AsSpan(sample * length, count).Fill(1);
        }
        return (ids, attention);
    }

    private static (long[] Masked, long[] Labels) PickForMlm(long[] ids, double probability, Random random)
    {
        static bool Ordinary(long id) => id is not (SpecialTokens.Pad or SpecialTokens.Cls or SpecialTokens.Sep);
        if (!ids.Any(Ordinary)) throw new ArgumentException("the captions hold no ordinary token to mask");
        while (true)
        {
            var masked = (long[])ids.Clone();
            var labels = new long[ids.Length];
            Array.Fill(labels, SpecialTokens.IgnoreIndex);
            var picked = 0;
            for (int i = 0; i < ids.Length; i++)
                if (random.NextDouble() < probability && Ordinary(ids[i]))
                {
                    (labels[i], masked[i]) = (ids[i], SpecialTokens.Mask);
                    picked++;
                }
            if (picked > 0) return (masked, labels);
        }
    }
}
