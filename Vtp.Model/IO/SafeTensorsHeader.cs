// Parsing and validation of a safetensors header against the size of the file it heads.
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace Vtp.IO;

internal sealed record SafeTensorsEntry(string Name, ScalarType Type, long[] Shape, long Begin, long End);

internal static class SafeTensorsHeader
{
    /// <summary>Reads and checks the header; entries come back ordered by offset, tiling the data exactly.</summary>
    public static List<SafeTensorsEntry> Read(Stream stream, string path, long maxHeaderBytes, out Dictionary<string, string> metadata, out long dataStart)
    {
        var fileLength = stream.Length;
        if (fileLength < 8) throw Bad(path, $"the file has {fileLength} bytes, fewer than the 8-byte header length");
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        var headerLength = BitConverter.ToUInt64(lengthBytes);
        if (headerLength > (ulong)maxHeaderBytes) throw Bad(path, $"header length {headerLength} exceeds the {maxHeaderBytes}-byte limit");
        if ((long)headerLength > fileLength - 8) throw Bad(path, $"header length {headerLength} runs past the end of the {fileLength}-byte file");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        dataStart = 8 + (long)headerLength;
        var dataLength = fileLength - dataStart;

        metadata = new Dictionary<string, string>();
        var entries = new List<SafeTensorsEntry>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(header); }
        catch (JsonException e) { throw Bad(path, $"the header is not valid JSON ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Bad(path, "the header is not a JSON object");
            var seen = new HashSet<string>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name)) throw Bad(path, $"the header names '{property.Name}' twice");
                if (property.Name == "__metadata__") metadata = Metadata(property.Value, path);
                else entries.Add(Entry(property.Name, property.Value, dataLength, path));
            }
        }
        CheckTiling(entries, dataLength, path);
        return entries;
    }

    private static Dictionary<string, string> Metadata(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Bad(path, "__metadata__ is not an object");
        var result = new Dictionary<string, string>();
        foreach (var p in value.EnumerateObject())
            result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw Bad(path, $"__metadata__ value '{p.Name}' is not a string");
        return result;
    }

    private static SafeTensorsEntry Entry(string name, JsonElement e, long dataLength, string path)
    {
        var context = $"{path}: tensor '{name}'";
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("dtype", out var dtype) || !e.TryGetProperty("shape", out var shape)
            || !e.TryGetProperty("data_offsets", out var offsets) || dtype.ValueKind != JsonValueKind.String
            || shape.ValueKind != JsonValueKind.Array || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
            throw new InvalidDataException($"{context}: the entry needs a string dtype, a shape array and two data_offsets.");
        var (type, size) = SafeTensorDType.FromName(dtype.GetString()!, context);
        var dims = shape.EnumerateArray().Select(d => d.TryGetInt64(out var v) && v >= 0 ? v : throw new InvalidDataException($"{context}: shape holds '{d}', not a non-negative integer.")).ToArray();
        var bounds = offsets.EnumerateArray().Select(d => d.TryGetInt64(out var v) && v >= 0 ? v : throw new InvalidDataException($"{context}: data_offsets holds '{d}', not a non-negative integer.")).ToArray();
        var (begin, end) = (bounds[0], bounds[1]);
        if (begin > end || end > dataLength)
            throw new InvalidDataException($"{context}: data_offsets [{begin}, {end}] lie outside the {dataLength}-byte data section.");
        long count = 1;
        foreach (var d in dims) count = checked(count * d);
        if (checked(count * size) != end - begin)
            throw new InvalidDataException($"{context}: shape [{string.Join(", ", dims)}] of {dtype.GetString()} needs {count * size} bytes, data_offsets give {end - begin}.");
        return new SafeTensorsEntry(name, type, dims, begin, end);
    }

    private static void CheckTiling(List<SafeTensorsEntry> entries, long dataLength, string path)
    {
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long next = 0;
        foreach (var e in entries)
        {
            if (e.Begin < next) throw Bad(path, $"tensor '{e.Name}' overlaps the tensor before it (starts at {e.Begin}, previous ends at {next})");
            if (e.Begin > next) throw Bad(path, $"a gap of {e.Begin - next} bytes precedes tensor '{e.Name}'");
            next = e.End;
        }
        if (next != dataLength) throw Bad(path, $"the data section has {dataLength} bytes but the tensors cover {next}: truncated or trailing data");
    }

    private static InvalidDataException Bad(string path, string message) => new($"{path}: {message}.");
}
