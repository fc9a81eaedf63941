using Vtp.Modeling;
using Vtp.Text;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Samples.Ablation;

/// <summary>
/// Measures whether a pretrained SimVTP fills in caption words from the video: chosen words are masked in each caption
/// (every other token kept), the joint encoder sees the video tube-masked at the model's own ratio (or a blank video),
/// and the MLM head's top prediction is compared with the word. Masks and negatives come from a fixed seed.
/// </summary>
public sealed class MlmWordProbe(SimVtpPretrainModel model, BertTokenizer tokenizer, IReadOnlyList<LoadedClip> clips)
{
    /// <summary>Colour words of the demo world (those missing from a vocabulary are skipped).</summary>
    public static readonly string[] Colours = ["red", "green", "blue", "yellow", "purple", "orange", "white", "cyan", "magenta"];

    /// <summary>Direction words of the demo world.</summary>
    public static readonly string[] Directions = ["left", "right", "up", "down"];

    private const int BatchSize = 24;

    /// <summary>Share of the occurrences of <paramref name="words"/>, each masked in its caption, predicted exactly.</summary>
    /// <param name="words">Words to mask; at least two must be in the vocabulary.</param>
    /// <param name="blankVideo">Replace every clip by zeros (the mean colour), so only the text can help.</param>
    /// <exception cref="ArgumentException">Fewer than two of the words are in the vocabulary, or no caption holds one.</exception>
    public double Accuracy(IReadOnlyCollection<string> words, bool blankVideo)
    {
        var ids = words.Select(w => tokenizer.Vocabulary.TryGetId(w, out var id) ? id : -1).Where(id => id >= 0).ToHashSet();
        if (ids.Count < 2)
            throw new ArgumentException($"The vocabulary holds {ids.Count} of the probe words {string.Join(", ", words)}; at least 2 are needed.", nameof(words));
        int correct = 0, total = 0;
        var random = new Random(11);
        using var _ = no_grad();
        for (int start = 0; start < clips.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var batch = clips.Skip(start).Take(BatchSize).ToList();
            var tokens = tokenizer.Encode(batch.Select(c => c.Sample.Caption).ToList(), model.Config.MaxPositionEmbeddings);
            var inputIds = (long[])tokens.InputIds.Clone();
            var labels = Enumerable.Repeat(SpecialTokens.IgnoreIndex, inputIds.Length).ToArray();
            for (int i = 0; i < inputIds.Length; i++)
                if (ids.Contains((int)inputIds[i])) { labels[i] = inputIds[i]; inputIds[i] = tokenizer.SpecialTokens.Mask; }
            if (labels.All(l => l == SpecialTokens.IgnoreIndex)) continue;
            var video = ClipBatch.Stack(batch.Select(c => c.Clip).ToList());
            if (blankVideo) video = zeros_like(video);
            var shape = new long[] { tokens.BatchSize, tokens.Length };
            using var output = model.Forward(new PretrainInputs(video, new TubeMaskGenerator(model.Config, random).Next(batch.Count),
                tensor(inputIds, shape), tensor(tokens.AttentionMask, shape), tensor(labels, shape), new VtmNegativeSampler(random).Uniform(batch.Count)));
            var predicted = output.MlmLogits.argmax(-1).data<long>().ToArray();
            for (int i = 0; i < labels.Length; i++)
                if (labels[i] != SpecialTokens.IgnoreIndex) { total++; if (predicted[i] == labels[i]) correct++; }
        }
        return total > 0 ? (double)correct / total : throw new ArgumentException($"No caption holds any of the probe words {string.Join(", ", words)}.", nameof(words));
    }
}
