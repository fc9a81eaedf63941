using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Vtp.Samples.Embeddings;

/// <summary>
/// Embeddings as a NumPy .npy file (format 1.0: little-endian float32, C order, shape (N, D); numpy.load reads it)
/// plus a keys file next to it, <c>name.keys.jsonl</c>, holding <c>{"video": "..."}</c> (or "caption") per row.
/// Reading also accepts .npy format 2.0 and 3.0 headers.
/// </summary>
internal static partial class NpyEmbeddings
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int Alignment = 64;

    /// <summary>The keys file of an .npy embedding file.</summary>
    public static string KeysPath(string npyPath) => Path.ChangeExtension(npyPath, ".keys.jsonl");

    public static void Write(string path, EmbeddingSet set)
    {
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({set.Vectors.Count}, {set.Dimension}), }}";
        var unpadded = Magic.Length + 2 + 2 + header.Length + 1;                     // magic, version, length, header, '\n'
        header = header.PadRight(header.Length + (Alignment - unpadded % Alignment) % Alignment) + "\n";
        using (var stream = File.Create(path))
        {
            stream.Write(Magic);
            stream.Write([1, 0]);
            Span<byte> length = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)header.Length));
            stream.Write(length);
            stream.Write(Encoding.ASCII.GetBytes(header));
            foreach (var vector in set.Vectors) stream.Write(MemoryMarshal.AsBytes(vector.AsSpan()));   // .NET runs little-endian here
        }
        File.WriteAllLines(KeysPath(path), set.Keys.Select(key => System.Text.Json.JsonSerializer.Serialize(
            new Dictionary<string, string> { [EmbeddingSet.KeyName(set.Kind)] = key })), new UTF8Encoding(false));
    }

    public static EmbeddingSet Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (rows, columns, dataOffset) = ParseHeader(path, bytes);
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

    private static (int Rows, int Columns, int DataOffset) ParseHeader(string path, byte[] bytes)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) throw Bad(path, "it does not start with the .npy magic \\x93NUMPY");
        var major = bytes[6];
        var (lengthSize, encoding) = major switch
        {
            1 => (2, Encoding.ASCII),
            2 => (4, Encoding.ASCII),
            3 => (4, Encoding.UTF8),
            _ => throw Bad(path, $"it is .npy format {major}.{bytes[7]}; expected 1.0, 2.0 or 3.0"),
        };
        var start = 8 + lengthSize;
        var length = lengthSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (long)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (start + length > bytes.Length) throw Bad(path, $"its header length {length} runs past the end of the file");
        var header = encoding.GetString(bytes, start, (int)length);
        var descr = DescrPattern().Match(header);
        if (!descr.Success || descr.Groups[1].Value != "<f4") throw Bad(path, $"its dtype is '{(descr.Success ? descr.Groups[1].Value : "?")}'; expected '<f4' (little-endian float32)");
        if (!FortranPattern().Match(header).Groups[1].Value.Equals("False", StringComparison.Ordinal)) throw Bad(path, "it is in Fortran order; expected C order");
        var shape = ShapePattern().Match(header);
        if (!shape.Success) throw Bad(path, $"its shape is not two-dimensional (rows, columns): {header.Trim()}");
        return (int.Parse(shape.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(shape.Groups[2].Value, CultureInfo.InvariantCulture), start + (int)length);
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

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order':\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape':\s*\(\s*(\d+)\s*,\s*(\d+)\s*,?\s*\)")]
    private static partial Regex ShapePattern();
}
