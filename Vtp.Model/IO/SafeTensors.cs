// safetensors files: an 8-byte little-endian header length, a UTF-8 JSON header mapping each name to
// {dtype, shape, data_offsets}, then the raw little-endian data. Files are treated as untrusted input: every offset,
// size and shape is checked before any data is read, and nothing is read past the file.
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace Vtp.IO;

/// <summary>
/// The tensors and the string metadata of a weights file: a safetensors file, or a PyTorch checkpoint (whose metadata is
/// empty). Disposing it disposes the tensors.
/// </summary>
public sealed record SafeTensorsContent(Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) : IDisposable
{
    /// <summary>Disposes every tensor.</summary>
    public void Dispose()
    {
        foreach (var tensor in Tensors.Values) tensor.Dispose();
    }
}

public static class SafeTensors
{
    private const long MaxHeaderBytes = 100L << 20;
    private const int Alignment = 8;

    /// <summary>Writes the tensors (CPU copies, row-major) atomically: to a temporary file, then renamed over <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new Dictionary<string, object>();
        if (metadata is { Count: > 0 }) header["__metadata__"] = metadata;
        var order = tensors.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        long offset = 0;
        var blobs = new List<byte[]>(order.Count);
        foreach (var name in order)
        {
            if (name == "__metadata__") throw new ArgumentException($"{path}: '__metadata__' is reserved and cannot name a tensor.");
            var bytes = Bytes(tensors[name], $"{path}: tensor '{name}'", out var dtype);
            header[name] = new { dtype, shape = tensors[name].shape, data_offsets = new[] { offset, offset + bytes.Length } };
            blobs.Add(bytes);
            offset += bytes.Length;
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var padded = json.Length + (Alignment - json.Length % Alignment) % Alignment;
        var temp = $"{path}.tmp{Environment.ProcessId}";
        using (var stream = File.Create(temp))
        {
            Span<byte> length = stackalloc byte[8];
            BitConverter.TryWriteBytes(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
            foreach (var blob in blobs) stream.Write(blob);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    private static byte[] Bytes(Tensor tensor, string context, out string dtype)
    {
        (dtype, _) = SafeTensorDType.FromType(tensor.dtype, context);
        using var cpu = tensor.detach().cpu();
        return tensor.dtype switch
        {
            ScalarType.Float32 => Raw<float>(cpu),
            ScalarType.Float64 => Raw<double>(cpu),
            ScalarType.Int64 => Raw<long>(cpu),
            ScalarType.Int32 => Raw<int>(cpu),
            ScalarType.Byte => Raw<byte>(cpu),
            ScalarType.Bool => Raw<bool>(cpu),
            _ => throw new ArgumentException($"{context}: tensors of type {tensor.dtype} cannot be written by Vtp yet."),
        };
    }

    // TorchSharp's data<T>().ToArray() throws on a tensor without elements, so those are written as no bytes directly.
    private static byte[] Raw<T>(Tensor cpu) where T : unmanaged =>
        cpu.numel() == 0 ? [] : MemoryMarshal.AsBytes<T>(cpu.data<T>().ToArray()).ToArray();

    /// <summary>Reads every tensor of a safetensors file (on the CPU) and its metadata.</summary>
    /// <exception cref="InvalidDataException">The file is truncated, malformed or inconsistent; the message names it.</exception>
    public static SafeTensorsContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var entries = SafeTensorsHeader.Read(stream, path, MaxHeaderBytes, out var metadata, out var dataStart);
        var tensors = new Dictionary<string, Tensor>();
        try
        {
            foreach (var e in entries)
            {
                var bytes = new byte[e.End - e.Begin];
                stream.Position = dataStart + e.Begin;
                stream.ReadExactly(bytes);
                tensors[e.Name] = FromBytes(bytes, e.Type, e.Shape, $"{path}: tensor '{e.Name}'");
            }
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return new SafeTensorsContent(tensors, metadata);
    }

    private static Tensor FromBytes(byte[] bytes, ScalarType type, long[] shape, string context) => type switch
    {
        ScalarType.Float32 => tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape),
        ScalarType.Float64 => tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape),
        ScalarType.Int64 => tensor(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), shape),
        ScalarType.Int32 => tensor(MemoryMarshal.Cast<byte, int>(bytes).ToArray(), shape),
        ScalarType.Byte => tensor(bytes, shape),
        ScalarType.Bool => tensor(Booleans(bytes, context), shape),
        _ => throw new InvalidDataException($"{context}: dtype {type} is recognised but not readable by Vtp yet."),
    };

    private static bool[] Booleans(byte[] bytes, string context)
    {
        if (bytes.AsSpan().IndexOfAnyExcept((byte)0, (byte)1) >= 0)
            throw new InvalidDataException($"{context}: BOOL data holds a byte other than 0 or 1.");
        return MemoryMarshal.Cast<byte, bool>(bytes).ToArray();
    }
}
