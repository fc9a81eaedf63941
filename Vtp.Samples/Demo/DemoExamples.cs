using Vtp.Data;
using Vtp.Samples.Embeddings;

namespace Vtp.Samples.Demo;

/// <summary>Example text-to-video searches: held-out captions, spread over the test set, against the held-out clips.</summary>
internal static class DemoExamples
{
    /// <summary>Clips shown per example.</summary>
    public const int Top = 3;

    /// <summary>Searches <paramref name="videos"/> with <paramref name="count"/> of the captions (caption i describes clip i).</summary>
    public static IReadOnlyList<ExampleSearch> Search(EmbeddingSet videos, IReadOnlyList<VideoTextSample> test, IReadOnlyList<float[]> captions, int count) =>
        Enumerable.Range(0, Math.Min(count, test.Count)).Select(k => k * test.Count / Math.Max(count, 1)).Select(query =>
        {
            var hits = EmbeddingSearch.Top(videos, captions[query], Top)
                .Select(h => new ExampleHit(h.Rank, h.Key, test[h.Index].Caption, h.Score, h.Index == query)).ToList();
            return new ExampleSearch(test[query].Caption, videos.Keys[query], hits, hits.Any(h => h.IsExpected));
        }).ToList();
}
