// Retrieval metrics of an embedding set, both directions, with the gallery and query counts they came from.
using System.Globalization;
using Vtp.Modeling;

namespace Vtp.MLNet;

/// <summary>
/// Text-to-video and video-to-text retrieval scores (R@1/5/10/50 in percent, median and mean rank, 1-based) of
/// <see cref="TextCount"/> captions against <see cref="VideoCount"/> distinct videos.
/// </summary>
/// <param name="TextToVideo">Each caption queries the videos; its match is its own video.</param>
/// <param name="VideoToText">Each video queries the captions; its rank is that of its best-scoring own caption.</param>
/// <param name="TextCount">Captions (rows).</param>
/// <param name="VideoCount">Distinct videos (gallery items).</param>
public sealed record VtpRetrievalMetrics(RetrievalScores TextToVideo, RetrievalScores VideoToText, int TextCount, int VideoCount)
{
    /// <summary>One line, e.g. "t2v R@1 50.0 R@5 100.0 R@10 100.0 R@50 100.0 MdR 1.5 MnR 1.5 | v2t ... (2 captions, 2 videos)".</summary>
    public override string ToString() => $"t2v {Format(TextToVideo)} | v2t {Format(VideoToText)} ({TextCount} captions, {VideoCount} videos)";

    private static string Format(RetrievalScores s) => string.Create(CultureInfo.InvariantCulture,
        $"R@1 {s.R1:0.0} R@5 {s.R5:0.0} R@10 {s.R10:0.0} R@50 {s.R50:0.0} MdR {s.MedianRank:0.##} MnR {s.MeanRank:0.##}");
}
