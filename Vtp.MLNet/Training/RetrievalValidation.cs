// Retrieval metrics of a model on held-out samples, computed during training.
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Text;

namespace Vtp.MLNet;

/// <summary>Validation metrics after an epoch (or after the last step).</summary>
/// <param name="Epoch">1-based epoch that had just finished (for an end-of-run score, the epoch the last step was in).</param>
/// <param name="Step">Optimizer steps done when it was scored.</param>
/// <param name="Metrics">Retrieval metrics on the validation set, one gallery video per distinct (path, start, end).</param>
public sealed record SimVtpValidationResult(int Epoch, long Step, VtpRetrievalMetrics Metrics);

internal static class RetrievalValidation
{
    /// <summary>
    /// Embeds the distinct videos (path, start, end) and every caption of <paramref name="samples"/> with
    /// <paramref name="model"/> in eval mode (its mode is restored), then evaluates with one gallery item per video.
    /// </summary>
    public static VtpRetrievalMetrics Run(DualEncoder model, BertTokenizer tokenizer, IReadOnlyList<VideoTextSample> samples,
        int batchSize, int decodeWorkers, CancellationToken cancellationToken)
    {
        var gallery = new Dictionary<(string, double?, double?), int>();
        var videos = new List<VideoTextSample>();
        var videoOfText = new List<int>(samples.Count);
        foreach (var sample in samples)
        {
            if (!gallery.TryGetValue((sample.VideoPath, sample.Start, sample.End), out var index))
            {
                (index, gallery[(sample.VideoPath, sample.Start, sample.End)]) = (videos.Count, videos.Count);
                videos.Add(sample);
            }
            videoOfText.Add(index);
        }
        var wasTraining = model.training;
        model.eval();
        try
        {
            var embedder = new SimVtpEmbedder(model, tokenizer, batchSize: batchSize, decodeWorkers: decodeWorkers);
            var videoEmbeddings = embedder.EmbedVideos(videos, cancellationToken: cancellationToken);
            var textEmbeddings = embedder.EmbedTexts(samples.Select(s => s.Caption).ToList(), cancellationToken);
            return VtpRetrievalEvaluator.Evaluate(textEmbeddings, videoEmbeddings, videoOfText);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
