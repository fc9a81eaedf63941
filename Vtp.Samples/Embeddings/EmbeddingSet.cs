namespace Vtp.Samples.Embeddings;

/// <summary>What a set of embeddings was computed from.</summary>
public enum EmbeddingKind
{
    /// <summary>Videos (clips); the keys are video paths.</summary>
    Video,

    /// <summary>Captions; the keys are the caption texts.</summary>
    Caption,
}

/// <summary>Embeddings with the key (video path or caption) of each; every vector has <see cref="Dimension"/> values.</summary>
public sealed record EmbeddingSet
{
    /// <exception cref="ArgumentException">Keys and vectors differ in count, there are none, or the vectors differ in length.</exception>
    public EmbeddingSet(EmbeddingKind kind, IReadOnlyList<string> keys, IReadOnlyList<float[]> vectors)
    {
        if (keys.Count != vectors.Count) throw new ArgumentException($"Got {keys.Count} keys but {vectors.Count} vectors; expected one key per vector.");
        if (vectors.Count == 0) throw new ArgumentException("An embedding set needs at least one vector.");
        var dimension = vectors[0].Length;
        for (int i = 0; i < vectors.Count; i++)
            if (vectors[i].Length != dimension || dimension == 0)
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} values; vector 0 has {dimension} (and there must be at least one).");
        (Kind, Keys, Vectors, Dimension) = (kind, keys, vectors, dimension);
    }

    /// <summary>Videos or captions.</summary>
    public EmbeddingKind Kind { get; }

    /// <summary>The video path or caption of each vector.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The vectors, in key order.</summary>
    public IReadOnlyList<float[]> Vectors { get; }

    /// <summary>Values per vector.</summary>
    public int Dimension { get; }

    /// <summary>The name of the key field in the files: "video" or "caption".</summary>
    public static string KeyName(EmbeddingKind kind) => kind == EmbeddingKind.Video ? "video" : "caption";

    /// <summary>The kind whose key field is <paramref name="name"/>, or null.</summary>
    public static EmbeddingKind? KindOf(string name) => name switch { "video" => EmbeddingKind.Video, "caption" => EmbeddingKind.Caption, _ => null };
}
