using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vtp.Samples.Embeddings;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> of an embedding job: rows [<see cref="Start"/>, <see cref="End"/>) of
/// <see cref="Total"/>. Shards are cut at embedding-batch boundaries, so every row is embedded in the same batch as in an
/// unsharded run (a caption's embedding depends on its batch's padding) and the merged result equals the unsharded one.
/// Written next to the shard's embedding file as <c>&lt;file&gt;.shard.json</c>.
/// </summary>
/// <param name="Index">This shard, 0-based.</param>
/// <param name="Count">Shards in the job.</param>
/// <param name="Start">First row of this shard.</param>
/// <param name="End">One past its last row.</param>
/// <param name="Total">Rows in the whole job.</param>
/// <param name="Kind">"video" or "caption".</param>
/// <param name="KeysDigest">SHA-256 of every key of the whole job, in order: shards of different jobs never merge.</param>
public sealed record EmbeddingShard(int Index, int Count, int Start, int End, int Total, string Kind, string KeysDigest)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Parses "i/n" (0 &lt;= i &lt; n).</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static (int Index, int Count) Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count) && count >= 1 && index >= 0 && index < count)
            return (index, count);
        throw new FormatException($"Shard '{text}' is not of the form i/n with 0 <= i < n (e.g. 0/4 ... 3/4).");
    }

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/> over <paramref name="keys"/>, cut at multiples of
    /// <paramref name="batchSize"/> rows, the batches spread as evenly as possible.</summary>
    /// <exception cref="ArgumentException">There are fewer batches than shards (a shard would be empty).</exception>
    public static EmbeddingShard Plan(int index, int count, IReadOnlyList<string> keys, int batchSize, EmbeddingKind kind)
    {
        var batches = (keys.Count + batchSize - 1) / batchSize;
        if (batches < count)
            throw new ArgumentException($"{keys.Count} rows make {batches} batches of {batchSize}, fewer than the {count} shards asked for; use at most {batches} shards.");
        int Row(int shard) => (int)Math.Min((long)batches * shard / count * batchSize, keys.Count);
        return new EmbeddingShard(index, count, Row(index), Row(index + 1), keys.Count, EmbeddingSet.KeyName(kind), Digest(keys));
    }

    /// <summary>SHA-256 (hex) over the keys, each followed by a newline.</summary>
    public static string Digest(IEnumerable<string> keys)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var key in keys) hash.AppendData(Encoding.UTF8.GetBytes(key + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Where the description of the shard stored in <paramref name="embeddingFile"/> lives.</summary>
    public static string PathFor(string embeddingFile) => embeddingFile + ".shard.json";

    /// <summary>Writes this description next to <paramref name="embeddingFile"/>.</summary>
    public void Write(string embeddingFile) => File.WriteAllText(PathFor(embeddingFile), JsonSerializer.Serialize(this, Json));

    /// <summary>Reads the description next to <paramref name="embeddingFile"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is not a shard (no description next to it).</exception>
    /// <exception cref="InvalidDataException">The description is malformed.</exception>
    public static EmbeddingShard Read(string embeddingFile)
    {
        var path = PathFor(embeddingFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"'{embeddingFile}' has no shard description '{path}'; was it written by 'vtp embed --shard'?", path);
        try
        {
            return JsonSerializer.Deserialize<EmbeddingShard>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid shard description: {e.Message}", e);
        }
    }
}
