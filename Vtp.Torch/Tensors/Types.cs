// Element types, devices and scalars, numbered as libtorch numbers them.
namespace TorchSharp;

public enum DeviceType
{
    CPU = 0, CUDA = 1, MKLDNN = 2, OPENGL = 3, OPENCL = 4, IDEEP = 5, HIP = 6, FPGA = 7, MSNPU = 8, XLA = 9,
    MPS = 13, META = 14,
}

public static partial class torch
{
    public enum ScalarType : sbyte
    {
        Byte = 0, Int8 = 1, Int16 = 2, Int32 = 3, Int64 = 4, Float16 = 5, Float32 = 6, Float64 = 7,
        ComplexFloat32 = 9, ComplexFloat64 = 10, Bool = 11, QInt8 = 12, QUInt8 = 13, QInt32 = 14, BFloat16 = 15,
    }

    public static readonly ScalarType uint8 = ScalarType.Byte;
    public static readonly ScalarType int8 = ScalarType.Int8;
    public static readonly ScalarType int16 = ScalarType.Int16;
    public static readonly ScalarType int32 = ScalarType.Int32;
    public static readonly ScalarType @int = ScalarType.Int32;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType @long = ScalarType.Int64;
    public static readonly ScalarType float16 = ScalarType.Float16;
    public static readonly ScalarType half = ScalarType.Float16;
    public static readonly ScalarType bfloat16 = ScalarType.BFloat16;
    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType @float = ScalarType.Float32;
    public static readonly ScalarType float64 = ScalarType.Float64;
    public static readonly ScalarType @double = ScalarType.Float64;
    public static readonly ScalarType @bool = ScalarType.Bool;

    public static bool is_floating_point(ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    public static bool is_integral(ScalarType type) =>
        type is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64;

    /// <summary>A device: a type (cpu, cuda) and an index (-1 = the current one).</summary>
    public class Device
    {
        public Device(DeviceType deviceType, int index = -1) { type = deviceType; this.index = index; }
        /// <summary>A device from "cpu", "cuda" or "cuda:N"; an explicit <paramref name="index"/> overrides the one in the text.</summary>
        public Device(string deviceType, int index = -1) : this(Parse(deviceType), index) { }

        private Device(Device parsed, int index) : this(parsed.type, index >= 0 ? index : parsed.index) { }
        public Device(int index) : this(DeviceType.CUDA, index) { }

        public DeviceType type { get; }
        public int index { get; }

        public static implicit operator Device(string description) => Parse(description);

        public override string ToString() => index < 0 ? type.ToString().ToLowerInvariant() : $"{type.ToString().ToLowerInvariant()}:{index}";
        public override bool Equals(object? obj) => obj is Device d && d.type == type && d.index == index;
        public override int GetHashCode() => HashCode.Combine(type, index);

        private static Device Parse(string description)
        {
            var parts = description.Trim().ToLowerInvariant().Split(':');
            var type = parts[0] switch
            {
                "cpu" => DeviceType.CPU,
                "cuda" => DeviceType.CUDA,
                "meta" => DeviceType.META,
                "mps" => DeviceType.MPS,
                _ => throw new ArgumentException($"Unknown device type '{parts[0]}' in '{description}'.", nameof(description)),
            };
            if (parts.Length == 1) return new Device(type);
            if (parts.Length == 2 && int.TryParse(parts[1], out var index) && index >= 0) return new Device(type, index);
            throw new ArgumentException($"Invalid device description '{description}'.", nameof(description));
        }
    }

    public static readonly Device CPU = new(DeviceType.CPU);
    public static readonly Device CUDA = new(DeviceType.CUDA, -1);

    public static Device device(string description) => new(description);

    public static Device device(DeviceType type, int index = -1) => new(type, index);
}

/// <summary>A number passed to an operation: floating, integral or boolean.</summary>
public sealed class Scalar : IDisposable
{
    internal readonly sbyte Kind;   // 0 floating, 1 integral, 2 boolean (native/src/common.h)
    internal readonly double Double;
    internal readonly long Long;

    private Scalar(sbyte kind, double d, long l) { Kind = kind; Double = d; Long = l; }

    public torch.ScalarType Type => Kind switch { 0 => torch.ScalarType.Float64, 1 => torch.ScalarType.Int64, _ => torch.ScalarType.Bool };

    public static implicit operator Scalar(byte value) => new(1, value, value);
    public static implicit operator Scalar(sbyte value) => new(1, value, value);
    public static implicit operator Scalar(short value) => new(1, value, value);
    public static implicit operator Scalar(int value) => new(1, value, value);
    public static implicit operator Scalar(long value) => new(1, value, value);
    public static implicit operator Scalar(float value) => new(0, value, 0);
    public static implicit operator Scalar(double value) => new(0, value, 0);
    public static implicit operator Scalar(bool value) => new(2, value ? 1 : 0, value ? 1 : 0);

    public double ToDouble() => Kind == 0 ? Double : Long;
    public long ToInt64() => Kind == 0 ? (long)Double : Long;

    public void Dispose() { }

    public override string ToString() => Kind switch { 0 => Double.ToString("R"), 1 => Long.ToString(), _ => (Long != 0).ToString() };
}
