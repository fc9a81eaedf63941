using System.Text;
using System.Text.Json;

namespace Vtp.Samples.Embeddings;

/// <summary>Embeddings as JSON lines: one object per vector, <c>{"video": "...", "embedding": [...]}</c> (or "caption").</summary>
internal static class EmbeddingJsonl
{
    private const string VectorField = "embedding";

    public static void Write(string path, EmbeddingSet set)
    {
        using var stream = File.Create(path);
        var key = EmbeddingSet.KeyName(set.Kind);
        for (int i = 0; i < set.Keys.Count; i++)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString(key, set.Keys[i]);
                json.WriteStartArray(VectorField);
                foreach (var value in set.Vectors[i]) json.WriteNumberValue(value);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    }

    public static EmbeddingSet Read(string path)
    {
        var (keys, vectors) = (new List<string>(), new List<float[]>());
        EmbeddingKind? kind = null;
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var (rowKind, key) = Key(document.RootElement) ?? throw Bad(path, number, "expected an object with a \"video\" or \"caption\" string");
                if (kind is { } k && k != rowKind) throw Bad(path, number, $"the key is \"{EmbeddingSet.KeyName(rowKind)}\" but earlier lines have \"{EmbeddingSet.KeyName(k)}\"");
                kind = rowKind;
                if (!document.RootElement.TryGetProperty(VectorField, out var array) || array.ValueKind != JsonValueKind.Array)
                    throw Bad(path, number, $"expected an \"{VectorField}\" array of numbers");
                keys.Add(key);
                vectors.Add(array.EnumerateArray().Select(v => v.GetSingle()).ToArray());
            }
            catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException)
            {
                throw Bad(path, number, error.Message);
            }
        }
        if (kind is null) throw Bad(path, number, "the file has no embeddings");
        try
        {
            return new EmbeddingSet(kind.Value, keys, vectors);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"Embedding file '{path}': {error.Message}", error);
        }
    }

    private static (EmbeddingKind, string)? Key(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object) return null;
        foreach (var kind in Enum.GetValues<EmbeddingKind>())
            if (row.TryGetProperty(EmbeddingSet.KeyName(kind), out var key) && key.ValueKind == JsonValueKind.String) return (kind, key.GetString()!);
        return null;
    }

    private static InvalidDataException Bad(string path, int line, string reason) => new($"Embedding file '{path}', line {line}: {reason}.");
}
