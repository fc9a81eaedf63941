// The header of a NumPy .npy file holding a float32 matrix: written as numpy writes it, read strictly.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Vtp.Samples.Embeddings;

/// <summary>
/// The .npy header of a little-endian float32 matrix in C order: the magic, the version, the header length, a Python
/// dict of exactly <c>'descr'</c>, <c>'fortran_order'</c> and <c>'shape'</c>, spaces and one newline (written padded
/// to 64 bytes, format 1.0). Reading accepts format 1.0, 2.0 and 3.0 and rejects anything else in the header.
/// </summary>
internal static partial class NpyHeader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int Alignment = 64;

    /// <summary>The header of a <paramref name="rows"/> x <paramref name="columns"/> float32 matrix, format 1.0.</summary>
    public static byte[] Format(int rows, int columns)
    {
        var dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        var unpadded = Magic.Length + 2 + 2 + dict.Length + 1;                       // magic, version, length, dict, '\n'
        var header = dict.PadRight(dict.Length + (Alignment - unpadded % Alignment) % Alignment) + "\n";
        var bytes = new byte[Magic.Length + 4 + header.Length];
        Magic.CopyTo(bytes, 0);
        (bytes[6], bytes[7]) = (1, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), checked((ushort)header.Length));
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        return bytes;
    }

    /// <summary>The matrix shape and the offset of its data, from the start of an .npy file.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="bad">Makes the exception to throw from a reason ("its dtype is '&lt;f8'; ...").</param>
    public static (int Rows, int Columns, int DataOffset) Parse(byte[] bytes, Func<string, Exception> bad)
    {
        var (dict, dataOffset) = DictText(bytes, bad);
        var values = Entries(dict, bad);
        if (values["descr"] != "'<f4'") throw bad($"its dtype is {values["descr"]}; expected '<f4' (little-endian float32)");
        if (values["fortran_order"] != "False") throw bad($"its fortran_order is {values["fortran_order"]}; expected False (C order)");
        var shape = ShapePattern().Match(values["shape"]);
        if (!shape.Success || !int.TryParse(shape.Groups[1].Value, CultureInfo.InvariantCulture, out var rows)
            || !int.TryParse(shape.Groups[2].Value, CultureInfo.InvariantCulture, out var columns) || columns < 1)
            throw bad($"its shape {values["shape"]} is not (rows, columns) with at least one column");
        return (rows, columns, dataOffset);
    }

    // The dict of the header (without its padding) and where the data starts: checks the magic, the version, the
    // header length, the padding of spaces and the one newline that ends the header.
    private static (string Dict, int DataOffset) DictText(byte[] bytes, Func<string, Exception> bad)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) throw bad("it does not start with the .npy magic \\x93NUMPY");
        var (major, minor) = (bytes[6], bytes[7]);
        var (lengthSize, encoding) = (major, minor) switch
        {
            (1, 0) => (2, Encoding.ASCII),
            (2, 0) => (4, Encoding.ASCII),
            (3, 0) => (4, Encoding.UTF8),
            _ => throw bad($"it is .npy format {major}.{minor}; expected 1.0, 2.0 or 3.0"),
        };
        var start = 8 + lengthSize;
        var length = lengthSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (long)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (start + length > bytes.Length) throw bad($"its header length {length} runs past the end of the file");
        var header = encoding.GetString(bytes, start, (int)length);                 // in 1.0 and 2.0 a non-ASCII byte reads as '?'
        if (header.IndexOf('\n') != header.Length - 1) throw bad($"its header does not end with its only newline: {Quoted(header)}");
        var close = header.IndexOf('}') + 1;
        if (close == 0) throw bad($"its header is not a dict: {Quoted(header)}");
        if (header.AsSpan(close, header.Length - 1 - close).IndexOfAnyExcept(' ') is var junk and >= 0)
            throw bad($"its header is padded with {Quoted(header[(close + junk)..^1])} instead of spaces");
        return (header[..close], start + (int)length);
    }

    // The dict's values by key; exactly the keys descr, fortran_order and shape, each once.
    private static Dictionary<string, string> Entries(string dict, Func<string, Exception> bad)
    {
        var entries = DictPattern().Match(dict);
        if (!entries.Success) throw bad($"its header is not a dict of 'descr', 'fortran_order' and 'shape': {Quoted(dict)}");
        var (keys, values) = (entries.Groups["key"].Captures, new Dictionary<string, string>());
        for (int i = 0; i < keys.Count; i++)
            if (!values.TryAdd(keys[i].Value, entries.Groups["value"].Captures[i].Value)) throw bad($"its header names '{keys[i].Value}' twice");
        string[] expected = ["descr", "fortran_order", "shape"];
        if (values.Count != expected.Length || !expected.All(values.ContainsKey))
            throw bad($"its header has the keys [{string.Join(", ", values.Keys)}]; expected [{string.Join(", ", expected)}]");
        return values;
    }

    private static string Quoted(string text) => System.Text.Json.JsonSerializer.Serialize(text.Length > 200 ? text[..200] + "..." : text);

    // A Python dict literal of quoted keys and values that are a quoted string, True/False or a tuple of integers.
    [GeneratedRegex(@"^\{\s*(?:'(?<key>[a-z_]+)'\s*:\s*(?<value>'[^']*'|True|False|\([\d\s,]*\))\s*(?:,\s*|(?=\})))*\}$")]
    private static partial Regex DictPattern();

    [GeneratedRegex(@"^\(\s*(\d+)\s*,\s*(\d+)\s*,?\s*\)$")]
    private static partial Regex ShapePattern();
}
