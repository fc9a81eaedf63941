// Sizes of the element types and the element type of a .NET type.
using Vtp.Collectives;

namespace Vtp.Distributed;

internal static class ElementTypes
{
    /// <summary>The size in bytes of one element.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ElementType"/>.</exception>
    public static int SizeOf(ElementType type) => type switch
    {
        ElementType.UInt8 or ElementType.Int8 => 1,
        ElementType.Float16 => 2,
        ElementType.Int32 or ElementType.Float32 => 4,
        ElementType.Int64 or ElementType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Element type {(int)type} is not supported (expected one of {string.Join(", ", Enum.GetNames<ElementType>())})."),
    };

    /// <summary>Whether the type is a floating-point one (so that <see cref="ReduceOp.Average"/> applies).</summary>
    public static bool IsFloatingPoint(ElementType type) => type is ElementType.Float16 or ElementType.Float32 or ElementType.Float64;

    /// <summary>The element type of <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no element type.</exception>
    public static ElementType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? ElementType.UInt8
        : typeof(T) == typeof(sbyte) ? ElementType.Int8
        : typeof(T) == typeof(int) ? ElementType.Int32
        : typeof(T) == typeof(long) ? ElementType.Int64
        : typeof(T) == typeof(Half) ? ElementType.Float16
        : typeof(T) == typeof(float) ? ElementType.Float32
        : typeof(T) == typeof(double) ? ElementType.Float64
        : throw new ArgumentException($"Collectives on {typeof(T).Name} are not supported (expected byte, sbyte, int, long, Half, float or double).");

    /// <summary>Divides <paramref name="count"/> floating-point elements at <paramref name="data"/> by <paramref name="divisor"/> in place.</summary>
    public static unsafe void Divide(IntPtr data, long count, ElementType type, int divisor)
    {
        for (long done = 0; done < count;)
        {
            var chunk = (int)Math.Min(count - done, int.MaxValue / 8);
            switch (type)
            {
                case ElementType.Float32:
                    foreach (ref var x in new Span<float>((float*)data + done, chunk)) x /= divisor;
                    break;
                case ElementType.Float64:
                    foreach (ref var x in new Span<double>((double*)data + done, chunk)) x /= divisor;
                    break;
                case ElementType.Float16:
                    foreach (ref var x in new Span<Half>((Half*)data + done, chunk)) x = (Half)((float)x / divisor);
                    break;
                default:
                    throw new ArgumentException($"Average needs a floating-point element type, got {type}.");
            }
            done += chunk;
        }
    }
}
