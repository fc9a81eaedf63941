// Port of SimVTP metric.py (t2v_metrics / v2t_metrics, Frozen-in-Time): recall at k, median and mean rank (§4.3).
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Retrieval scores of one direction; recalls are percentages, ranks are 1-based.</summary>
/// <param name="R1">100 * share of queries whose match ranks first.</param>
/// <param name="R5">100 * share of queries whose match is in the top 5.</param>
/// <param name="R10">100 * share of queries whose match is in the top 10.</param>
/// <param name="R50">100 * share of queries whose match is in the top 50.</param>
/// <param name="MedianRank">MdR: median of the 0-based ranks, plus 1.</param>
/// <param name="MeanRank">MnR: mean of the 0-based ranks, plus 1.</param>
/// <param name="GeometricMean">Geometric mean of R1, R5 and R10 (0 when any is 0).</param>
public sealed record RetrievalScores(double R1, double R5, double R10, double R50, double MedianRank, double MeanRank, double GeometricMean);

/// <summary>Text-to-video and video-to-text scores of one similarity matrix.</summary>
/// <param name="TextToVideo">Rows (captions) as queries: the headline t2v R@1.</param>
/// <param name="VideoToText">Columns (videos) as queries.</param>
public sealed record RetrievalReport(RetrievalScores TextToVideo, RetrievalScores VideoToText);

/// <summary>
/// Retrieval metrics of a square similarity matrix sims[text, video] whose diagonal holds the matching pairs. A
/// query's rank is 0-based and ties are broken optimistically: it counts the candidates scoring strictly higher.
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>Both directions of a row-major [texts, videos] similarity matrix.</summary>
    /// <exception cref="ArgumentException">Not square, empty, of the wrong length, or holding NaN or infinity.</exception>
    public static RetrievalReport Compute(ReadOnlySpan<float> similarity, int texts, int videos)
    {
        if (texts != videos || texts <= 0)
            throw new ArgumentException($"similarity must be a non-empty square [texts, videos] matrix with matches on the diagonal, got [{texts}, {videos}]",
                nameof(similarity));
        if (similarity.Length != (long)texts * videos)
            throw new ArgumentException($"similarity holds {similarity.Length} values, but [{texts}, {videos}] needs {(long)texts * videos}", nameof(similarity));
        for (int i = 0; i < similarity.Length; i++)
            if (!float.IsFinite(similarity[i]))
                throw new ArgumentException($"similarity[{i / videos}, {i % videos}] is {similarity[i]}; every value must be finite", nameof(similarity));
        var n = texts;
        var textRanks = new int[n];
        var videoRanks = new int[n];
        for (int q = 0; q < n; q++)
        {
            var row = similarity.Slice(q * n, n);
            var match = row[q];
            int higherInRow = 0, higherInColumn = 0;
            for (int c = 0; c < n; c++)
            {
                if (row[c] > match) higherInRow++;
                if (similarity[c * n + q] > match) higherInColumn++;
            }
            textRanks[q] = higherInRow;
            videoRanks[q] = higherInColumn;
        }
        return new RetrievalReport(Scores(textRanks), Scores(videoRanks));
    }

    /// <summary>Both directions of a similarity tensor [texts, videos] (any float dtype, any device).</summary>
    public static RetrievalReport Compute(Tensor similarity)
    {
        if (similarity.shape is not [var texts, var videos])
            throw new ArgumentException($"similarity must be [texts, videos], got {InputChecks.Shape(similarity.shape)}", nameof(similarity));
        using var values = similarity.detach().to(ScalarType.Float32).cpu();
        return Compute(values.data<float>().ToArray(), (int)texts, (int)videos);
    }

    /// <summary>The scores of 0-based ranks (one per query).</summary>
    public static RetrievalScores Scores(IReadOnlyList<int> ranks)
    {
        if (ranks.Count == 0) throw new ArgumentException("ranks must hold at least one query", nameof(ranks));
        double Recall(int k) => 100.0 * ranks.Count(r => r < k) / ranks.Count;
        var sorted = ranks.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        var (r1, r5, r10) = (Recall(1), Recall(5), Recall(10));
        var geometric = r1 == 0 || r5 == 0 || r10 == 0 ? 0.0 : Math.Exp((Math.Log(r1) + Math.Log(r5) + Math.Log(r10)) / 3);
        return new RetrievalScores(r1, r5, r10, Recall(50), median + 1, ranks.Average() + 1, geometric);
    }
}
