using System.Globalization;
using System.Text;

namespace Vtp.Samples.Embeddings;

/// <summary>
/// Embeddings as CSV: a header <c>video,e0,e1,...</c> (or <c>caption,e0,...</c>), then one row per vector: the key
/// (RFC 4180 quoting) and the values in invariant round-trip notation.
/// </summary>
internal static class EmbeddingCsv
{
    public static void Write(string path, EmbeddingSet set)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(EmbeddingSet.KeyName(set.Kind));
        for (int d = 0; d < set.Dimension; d++) writer.Write($",e{d}");
        writer.Write('\n');
        for (int i = 0; i < set.Keys.Count; i++)
        {
            writer.Write(Quote(set.Keys[i]));
            foreach (var value in set.Vectors[i]) writer.Write(string.Create(CultureInfo.InvariantCulture, $",{value:R}"));
            writer.Write('\n');
        }
    }

    public static EmbeddingSet Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var records = new CsvRecordReader(reader, path);
        var (headerLine, header) = records.Next() ?? throw Bad(path, 1, "the file is empty; expected a header 'video,e0,e1,...' or 'caption,e0,...'");
        var kind = EmbeddingSet.KindOf(header[0]) ?? throw Bad(path, headerLine, $"the first column is '{header[0]}'; expected 'video' or 'caption'");
        for (int d = 1; d < header.Count; d++)
            if (header[d] != $"e{d - 1}") throw Bad(path, headerLine, $"column {d + 1} is '{header[d]}'; expected 'e{d - 1}'");
        if (header.Count < 2) throw Bad(path, headerLine, "the header has no value columns e0, e1, ...");
        var (keys, vectors) = (new List<string>(), new List<float[]>());
        while (records.Next() is { } record)
        {
            var (line, fields) = record;
            if (fields.Count != header.Count) throw Bad(path, line, $"the row has {fields.Count} fields; the header has {header.Count}");
            var vector = new float[header.Count - 1];
            for (int d = 0; d < vector.Length; d++)
                if (!float.TryParse(fields[d + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out vector[d]))
                    throw Bad(path, line, $"value e{d} is '{fields[d + 1]}', not a number");
            keys.Add(fields[0]);
            vectors.Add(vector);
        }
        if (keys.Count == 0) throw Bad(path, headerLine + 1, "the file has a header but no rows");
        return new EmbeddingSet(kind, keys, vectors);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    private static InvalidDataException Bad(string path, int line, string reason) => new($"Embedding file '{path}', line {line}: {reason}.");
}
