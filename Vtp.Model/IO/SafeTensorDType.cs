// The safetensors element types Vtp reads and writes, and their libtorch equivalents.
using static TorchSharp.torch;

namespace Vtp.IO;

internal static class SafeTensorDType
{
    private static readonly (string Name, ScalarType Type, int Size)[] Known =
    [
        ("F64", ScalarType.Float64, 8), ("F32", ScalarType.Float32, 4), ("F16", ScalarType.Float16, 2),
        ("I64", ScalarType.Int64, 8), ("I32", ScalarType.Int32, 4), ("I16", ScalarType.Int16, 2),
        ("I8", ScalarType.Int8, 1), ("U8", ScalarType.Byte, 1), ("BOOL", ScalarType.Bool, 1),
    ];

    public static (ScalarType Type, int Size) FromName(string name, string context)
    {
        foreach (var k in Known)
            if (k.Name == name) return (k.Type, k.Size);
        throw new InvalidDataException($"{context}: unsupported dtype '{name}' (supported: {string.Join(", ", Known.Select(k => k.Name))}).");
    }

    public static (string Name, int Size) FromType(ScalarType type, string context)
    {
        foreach (var k in Known)
            if (k.Type == type) return (k.Name, k.Size);
        throw new ArgumentException($"{context}: tensors of type {type} cannot be stored in safetensors by Vtp.");
    }
}
