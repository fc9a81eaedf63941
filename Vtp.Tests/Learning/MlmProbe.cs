// Masks chosen caption words and measures how often the pretrained joint encoder fills them in correctly.
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Tests.Learning;

internal sealed class MlmProbe(SimVtpPretrainModel model, BertTokenizer tokenizer, IReadOnlyList<VideoTextSample> samples)
{
    public static readonly string[] Colours = ["red", "green", "blue", "yellow", "purple", "orange", "white", "cyan", "magenta"];
    public static readonly string[] Directions = ["left", "right", "up", "down"];

    private readonly List<LoadedClip> clips = new VideoLoader(samples, new VideoLoaderOptions
    {
        Sampling = new ClipSamplingOptions
        {
            Temporal = TemporalSampling.Pretraining, NumFrames = model.Config.NumFrames, Spatial = SpatialSampling.CenterCrop, Size = model.Config.ImageSize,
        },
    }).ReadEpoch().ToList();

    /// <summary>Share of the given words, each masked in its caption (every other token kept), predicted exactly.</summary>
    public double Accuracy(IReadOnlyCollection<string> words, bool blankVideo)
    {
        var ids = words.Select(w => tokenizer.Vocabulary.TryGetId(w, out var id) ? id : -1).Where(id => id >= 0).ToHashSet();
        Assert.IsTrue(ids.Count >= 2, $"the vocabulary lacks the probe words {string.Join(", ", words)}");
        int correct = 0, total = 0;
        var random = new Random(11);
        using var _ = no_grad();
        for (int start = 0; start < clips.Count; start += 24)
        {
            using var scope = NewDisposeScope();
            var batch = clips.Skip(start).Take(24).ToList();
            var tokens = tokenizer.Encode(batch.Select(c => c.Sample.Caption).ToList(), model.Config.MaxPositionEmbeddings);
            var inputIds = (long[])tokens.InputIds.Clone();
            var labels = Enumerable.Repeat(-100L, inputIds.Length).ToArray();
            for (int i = 0; i < inputIds.Length; i++)
                if (ids.Contains((int)inputIds[i])) { labels[i] = inputIds[i]; inputIds[i] = tokenizer.SpecialTokens.Mask; }
            var video = ClipBatch.Stack(batch.Select(c => c.Clip).ToList());
            if (blankVideo) video = zeros_like(video);
            var shape = new long[] { tokens.BatchSize, tokens.Length };
            using var output = model.Forward(new PretrainInputs(video, new TubeMaskGenerator(model.Config, random).Next(batch.Count),
                tensor(inputIds, shape), tensor(tokens.AttentionMask, shape), tensor(labels, shape),
                new VtmNegativeSampler(random).Uniform(batch.Count)));
            var predicted = output.MlmLogits.argmax(-1).data<long>().ToArray();
            for (int i = 0; i < labels.Length; i++)
                if (labels[i] >= 0) { total++; if (predicted[i] == labels[i]) correct++; }
        }
        return (double)correct / total;
    }
}
