using System.Numerics.Tensors;

namespace Vtp.Samples.Embeddings;

/// <summary>One search result: the row of the embedding set, its key and its cosine similarity to the query.</summary>
public sealed record SearchHit(int Rank, int Index, string Key, float Score);

/// <summary>Cosine-similarity search over an <see cref="EmbeddingSet"/>.</summary>
public static class EmbeddingSearch
{
    /// <summary>Results shown when the caller does not say: 5.</summary>
    public const int DefaultTop = 5;

    /// <summary>The <paramref name="top"/> rows most similar to <paramref name="query"/>, best first (ties keep row order).</summary>
    /// <exception cref="ArgumentException">The query's length differs from the set's dimension, or top is below 1.</exception>
    public static IReadOnlyList<SearchHit> Top(EmbeddingSet set, float[] query, int top)
    {
        if (query.Length != set.Dimension)
            throw new ArgumentException($"The query embedding has {query.Length} values but the embeddings have {set.Dimension}: they come from different models.");
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var scores = new float[set.Vectors.Count];
        for (int i = 0; i < scores.Length; i++) scores[i] = TensorPrimitives.CosineSimilarity(query, set.Vectors[i]);
        return Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(top)
            .Select((index, rank) => new SearchHit(rank + 1, index, set.Keys[index], scores[index])).ToList();
    }
}
