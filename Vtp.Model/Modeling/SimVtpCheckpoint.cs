// Strict loading of official-named weights and the pretraining -> dual-encoder key mapping (port of SimVTP
// run_simvtp_finetuning.py's checkpoint handling; reference/simvtp_checkpoint.py).
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Loads state dicts by the official names, checking key sets and shapes exactly.</summary>
public static partial class SimVtpCheckpoint
{
    /// <summary>Keys some official checkpoints carry that are recomputed, so loaders accept and drop them.</summary>
    public static IReadOnlyList<string> IgnoredKeys { get; } = ["text_embeddings.position_ids"];

    /// <summary>Dual-encoder keys no pretraining checkpoint provides (fc_norm starts at weight 1, bias 0).</summary>
    public static IReadOnlyList<string> FcNormKeys { get; } =
        [.. Towers.SelectMany(t => new[] { $"{t}.fc_norm.weight", $"{t}.fc_norm.bias" })];

    private static string[] Towers => ["video_encoder", "text_encoder"];

    /// <summary>
    /// Copies <paramref name="tensors"/> into <paramref name="model"/>'s parameters (cast to each parameter's dtype,
    /// without recording gradients). The key sets must be equal, apart from <see cref="IgnoredKeys"/> and
    /// <paramref name="allowedMissing"/>, and every shape must match.
    /// </summary>
    /// <exception cref="ArgumentException">Keys missing or unexpected, or shapes mismatched: the message names
    /// <paramref name="source"/>, every such key, and the config sizes that differ.</exception>
    public static void LoadExact(nn.Module model, IReadOnlyDictionary<string, Tensor> tensors, string source,
        IReadOnlyCollection<string>? allowedMissing = null)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var given = tensors.Where(kv => !IgnoredKeys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var missing = parameters.Keys.Where(k => !given.ContainsKey(k) && !(allowedMissing?.Contains(k) ?? false)).ToList();
        var unexpected = given.Keys.Where(k => !parameters.ContainsKey(k)).ToList();
        var mismatched = given.Where(kv => parameters.TryGetValue(kv.Key, out var p) && !p.shape.SequenceEqual(kv.Value.shape))
            .Select(kv => $"{kv.Key}: expected {InputChecks.Shape(parameters[kv.Key].shape)}, got {InputChecks.Shape(kv.Value.shape)}")
            .ToList();
        if (missing.Count > 0 || unexpected.Count > 0 || mismatched.Count > 0)
        {
            var problems = new List<string>();
            var sizes = SizeDifferences(parameters, given);
            if (sizes.Count > 0) problems.Add($"it was written for another config: {string.Join(", ", sizes)}");
            if (missing.Count > 0) problems.Add($"missing keys ({missing.Count}): {List(missing)}");
            if (unexpected.Count > 0) problems.Add($"unexpected keys ({unexpected.Count}): {List(unexpected)}");
            if (mismatched.Count > 0) problems.Add($"mismatched shapes ({mismatched.Count}): {List(mismatched)}");
            throw new ArgumentException($"{source}: the weights do not fit the model: {string.Join("; ", problems)}");
        }
        using var noGrad = no_grad();
        foreach (var (name, value) in given) parameters[name].copy_(value);
    }

    /// <summary>
    /// Maps a pretraining state dict to the dual encoder's: encoder.X to {tower}.X (encoder.norm is discarded),
    /// text_embeddings.X to {tower}.text_embeddings.X, for both towers; everything else drops out. The values are the
    /// same tensors, not copies.
    /// </summary>
    public static Dictionary<string, Tensor> ToDualEncoder(IReadOnlyDictionary<string, Tensor> pretrainStateDict)
    {
        var mapped = new Dictionary<string, Tensor>();
        foreach (var (name, value) in pretrainStateDict)
        {
            string suffix;
            if (name.StartsWith("encoder.", StringComparison.Ordinal) && !name.StartsWith("encoder.norm.", StringComparison.Ordinal))
                suffix = name["encoder.".Length..];
            else if (name.StartsWith("text_embeddings.", StringComparison.Ordinal) && !IgnoredKeys.Contains(name))
                suffix = name;
            else continue;
            foreach (var tower in Towers) mapped[$"{tower}.{suffix}"] = value;
        }
        return mapped;
    }

    /// <summary>The config sizes, read off the shapes, where the model and the checkpoint disagree.</summary>
    private static List<string> SizeDifferences(Dictionary<string, Tensor> model, Dictionary<string, Tensor> checkpoint)
    {
        var ours = Sizes(model);
        var theirs = Sizes(checkpoint);
        return ours.Where(kv => theirs.TryGetValue(kv.Key, out var v) && v != kv.Value)
            .Select(kv => $"{kv.Key} {theirs[kv.Key]} (this model: {kv.Value})").ToList();
    }

    /// <summary>Config sizes implied by a state dict's shapes and block counts, by config key.</summary>
    private static Dictionary<string, long> Sizes(Dictionary<string, Tensor> tensors)
    {
        var sizes = new Dictionary<string, long>();
        foreach (var (name, value) in tensors)
        {
            var shape = value.shape;
            if (name.EndsWith("patch_embed.proj.weight", StringComparison.Ordinal) && shape.Length == 5)
            {
                sizes["encoder_embed_dim"] = shape[0];
                sizes["tubelet_size"] = shape[2];
                sizes["patch_size"] = shape[3];
            }
            else if (name.EndsWith("word_embeddings.weight", StringComparison.Ordinal) && shape.Length == 2)
                sizes["vocab_size"] = shape[0];
            else if (name.EndsWith("position_embeddings.weight", StringComparison.Ordinal) && shape.Length == 2)
                sizes["max_position_embeddings"] = shape[0];
            else if (name == "mask_token" && shape.Length == 3)
                sizes["decoder_embed_dim"] = shape[2];
        }
        foreach (var (key, prefix) in new[] { ("encoder_depth", "encoder.blocks"), ("encoder_depth", "video_encoder.blocks"), ("decoder_depth", "decoder.blocks") })
        {
            var count = tensors.Keys.Select(k => BlockIndex().Match(k)).Where(m => m.Success && m.Groups[1].Value == prefix)
                .Select(m => m.Groups[2].Value).Distinct().Count();
            if (count > 0) sizes[key] = count;
        }
        return sizes;
    }

    private static string List(List<string> items) =>
        string.Join(", ", items.Take(8)) + (items.Count > 8 ? $", ... ({items.Count - 8} more)" : "");

    [GeneratedRegex(@"^(.*\.blocks)\.(\d+)\.")]
    private static partial Regex BlockIndex();
}
