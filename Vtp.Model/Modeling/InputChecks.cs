// Boundary checks of the model inputs: each failure is an ArgumentException that names the input, the expected
// value (with the config key it comes from) and the actual one.
using static TorchSharp.torch;

namespace Vtp.Modeling;

internal static class InputChecks
{
    /// <summary>A normalised video [B, 3, T, H, W] of the config's sizes, B at least 1, floating point.</summary>
    public static void Video(Tensor video, SimVtpConfig config, string name)
    {
        var shape = video.shape;
        var expected = $"[B, {config.InChans}, {config.NumFrames}, {config.ImageSize}, {config.ImageSize}]";
        if (shape.Length != 5)
            throw new ArgumentException($"{name} must be {expected} (B, channels, frames, height, width), got {Shape(shape)}", name);
        var differences = new List<string>();
        if (shape[1] != config.InChans) differences.Add($"{shape[1]} channels instead of in_chans {config.InChans}");
        if (shape[2] != config.NumFrames) differences.Add($"{shape[2]} frames instead of num_frames {config.NumFrames}");
        if (shape[3] != config.ImageSize) differences.Add($"height {shape[3]} instead of image_size {config.ImageSize}");
        if (shape[4] != config.ImageSize) differences.Add($"width {shape[4]} instead of image_size {config.ImageSize}");
        if (differences.Count > 0)
            throw new ArgumentException($"{name} must be {expected}, got {Shape(shape)}: {string.Join("; ", differences)}", name);
        if (shape[0] == 0) throw new ArgumentException($"{name} is an empty batch {Shape(shape)}", name);
        if (!video.is_floating_point()) throw new ArgumentException($"{name} must be floating point, got {video.dtype}", name);
    }

    /// <summary>Token ids [B, L] int64 with B, L at least 1, L within max_position_embeddings, ids in [0, vocab_size).</summary>
    public static void TokenIds(Tensor ids, SimVtpConfig config, string name)
    {
        var shape = ids.shape;
        if (shape.Length != 2) throw new ArgumentException($"{name} must be [B, L], got {Shape(shape)}", name);
        if (ids.dtype != ScalarType.Int64) throw new ArgumentException($"{name} must be int64, got {ids.dtype}", name);
        if (shape[0] == 0) throw new ArgumentException($"{name} is an empty caption batch {Shape(shape)}", name);
        if (shape[1] == 0) throw new ArgumentException($"{name} holds captions of length 0 {Shape(shape)}", name);
        if (shape[1] > config.MaxPositionEmbeddings)
            throw new ArgumentException($"{name} has text length {shape[1]}, which exceeds max_position_embeddings {config.MaxPositionEmbeddings}", name);
        using var scope = NewDisposeScope();
        FailAtFirst(ids.lt(0).logical_or(ids.ge(config.VocabSize)), ids, name, $"outside the vocabulary [0, {config.VocabSize}) of vocab_size {config.VocabSize}");
    }

    /// <summary>An attention mask of the ids' shape holding only 0 (pad) and 1 (real token).</summary>
    public static void AttentionMask(Tensor mask, Tensor ids, string name)
    {
        SameShape(mask, ids, name, "input_ids");
        using var scope = NewDisposeScope();
        FailAtFirst(mask.ne(0).logical_and(mask.ne(1)), mask, name, "not 0 (pad) or 1 (real token)");
    }

    /// <summary>MLM labels of the ids' shape: -100 (ignored) or a vocabulary id.</summary>
    public static void MlmLabels(Tensor labels, Tensor ids, SimVtpConfig config, string name)
    {
        SameShape(labels, ids, name, "input_ids");
        if (labels.dtype != ScalarType.Int64) throw new ArgumentException($"{name} must be int64, got {labels.dtype}", name);
        using var scope = NewDisposeScope();
        FailAtFirst(labels.ne(SpecialTokens.IgnoreIndex).logical_and(labels.lt(0).logical_or(labels.ge(config.VocabSize))), labels, name, $"neither {SpecialTokens.IgnoreIndex} (ignored) nor in [0, {config.VocabSize})");
    }

    /// <summary>A tube mask [B, N] bool (True = masked) with exactly N_mask masked tokens per row.</summary>
    public static void MaskedPositions(Tensor mask, SimVtpConfig config, long batch, string name)
    {
        var shape = mask.shape;
        if (shape.Length != 2 || shape[0] != batch || shape[1] != config.NumPatches)
            throw new ArgumentException($"{name} must be [{batch}, {config.NumPatches}] (B, N video tokens of the config), got {Shape(shape)}", name);
        if (mask.dtype != ScalarType.Bool) throw new ArgumentException($"{name} must be bool (True = masked), got {mask.dtype}", name);
        long[] perRow;
        using (var counts = mask.sum(1, type: ScalarType.Int64)) perRow = counts.data<long>().ToArray();
        for (int row = 0; row < perRow.Length; row++)
            if (perRow[row] != config.NumMasked)
                throw new ArgumentException(
                    $"{name} row {row} masks {perRow[row]} tokens, but the config's tube mask masks N_mask = {config.NumMasked} " +
                    $"of N = {config.NumPatches} (video_mask_ratio {SimVtpConfig.Format(config.VideoMaskRatio)})", name);
    }

    /// <summary>VTM negatives [B] int64: for each caption i a video j in [0, B) with j != i.</summary>
    public static void Negatives(Tensor negatives, long batch, string name)
    {
        if (negatives.dtype != ScalarType.Int64 || negatives.shape is not [var length] || length != batch)
            throw new ArgumentException($"{name} must be int64 [{batch}], got {negatives.dtype} {Shape(negatives.shape)}", name);
        if (batch < 2) throw new ArgumentException($"VTM needs a batch of at least 2 to pick a negative, got {batch}", name);
        var values = negatives.data<long>().ToArray();
        for (int i = 0; i < values.Length; i++)
            if (values[i] < 0 || values[i] >= batch || values[i] == i)
                throw new ArgumentException($"{name}[{i}] is {values[i]}; it must be a video index in [0, {batch}) other than {i}", name);
    }

    /// <summary>Throws when <paramref name="tensor"/>'s shape differs from <paramref name="reference"/>'s.</summary>
    public static void SameShape(Tensor tensor, Tensor reference, string name, string referenceName)
    {
        if (!tensor.shape.SequenceEqual(reference.shape))
            throw new ArgumentException($"{name} must have the shape of {referenceName} {Shape(reference.shape)}, got {Shape(tensor.shape)}", name);
    }

    /// <summary>Throws when the batch of <paramref name="tensor"/> (dim 0) is not <paramref name="batch"/>.</summary>
    public static void Batch(Tensor tensor, long batch, string name, string referenceName)
    {
        if (tensor.Dimensions == 0 || tensor.shape[0] != batch)
            throw new ArgumentException($"{name} must have the batch size {batch} of {referenceName}, got {Shape(tensor.shape)}", name);
    }

    public static string Shape(long[] shape) => $"[{string.Join(", ", shape)}]";

    private static void FailAtFirst(Tensor bad, Tensor values, string name, string what)
    {
        using var scope = NewDisposeScope();
        if (!bad.any().item<bool>()) return;
        var index = bad.nonzero()[0].data<long>().ToArray();
        var value = values.index(index.Select(i => (TensorIndex)i).ToArray());
        throw new ArgumentException($"{name}{Shape(index)} is {value.item<long>()}, {what}", name);
    }
}
