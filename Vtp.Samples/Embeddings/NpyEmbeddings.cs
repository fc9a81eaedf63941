using System.Runtime.InteropServices;
using System.Text;

namespace Vtp.Samples.Embeddings;

/// <summary>
/// Embeddings as a NumPy .npy file (format 1.0: little-endian float32, C order, shape (N, D); numpy.load reads it)
/// plus a keys file next to it, <c>name.keys.jsonl</c>, holding <c>{"video": "..."}</c> (or "caption") per row.
/// Reading also accepts .npy format 2.0 and 3.0 headers.
/// </summary>
internal static class NpyEmbeddings
{
    /// <summary>The keys file of an .npy embedding file.</summary>
    public static string KeysPath(string npyPath) => Path.ChangeExtension(npyPath, ".keys.jsonl");

    public static void Write(string path, EmbeddingSet set)
    {
        using (var stream = File.Create(path))
        {
            stream.Write(NpyHeader.Format(set.Vectors.Count, set.Dimension));
            foreach (var vector in set.Vectors) stream.Write(MemoryMarshal.AsBytes(vector.AsSpan()));   // .NET runs little-endian here
        }
        File.WriteAllLines(KeysPath(path), set.Keys.Select(key => System.Text.Json.JsonSerializer.Serialize(
            new Dictionary<string, string> { [EmbeddingSet.KeyName(set.Kind)] = key })), new UTF8Encoding(false));
    }

    public static EmbeddingSet Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (rows, columns, dataOffset) = NpyHeader.Parse(bytes, reason => Bad(path, reason));
        if (bytes.Length - dataOffset != (long)rows * columns * sizeof(float))
            throw Bad(path, $"the header says {rows} x {columns} float32 values ({(long)rows * columns * 4} bytes) but {bytes.Length - dataOffset} bytes follow it");
        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(dataOffset)).ToArray();
        var vectors = Enumerable.Range(0, rows).Select(r => values.AsSpan(r * columns, columns).ToArray()).ToList();
        var keysPath = KeysPath(path);
        if (!File.Exists(keysPath)) throw new FileNotFoundException($"The keys file '{keysPath}' of embedding file '{path}' does not exist.", keysPath);
        var (kind, keys) = ReadKeys(keysPath);
        if (keys.Count != rows) throw Bad(path, $"it has {rows} rows but its keys file '{keysPath}' has {keys.Count} keys");
        return new EmbeddingSet(kind, keys, vectors);
    }

    private static (EmbeddingKind Kind, List<string> Keys) ReadKeys(string keysPath)
    {
        EmbeddingKind? kind = null;
        var keys = new List<string>();
        var line = 0;
        foreach (var text in File.ReadLines(keysPath, Encoding.UTF8))
        {
            line++;
            Dictionary<string, string>? row = null;
            try { row = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(text); }
            catch (System.Text.Json.JsonException) { }
            if (row is not { Count: 1 } || EmbeddingSet.KindOf(row.Keys.Single()) is not { } rowKind || (kind is { } k && k != rowKind))
                throw new InvalidDataException($"Keys file '{keysPath}', line {line}: expected {{\"video\": \"...\"}} or {{\"caption\": \"...\"}}, the same on every line; got {text}.");
            kind = rowKind;
            keys.Add(row.Values.Single());
        }
        return kind is { } found ? (found, keys) : throw new InvalidDataException($"Keys file '{keysPath}' is empty.");
    }

    private static InvalidDataException Bad(string path, string reason) => new($"Embedding file '{path}' is not a float32 matrix in .npy format: {reason}.");
}
