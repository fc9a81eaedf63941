#nullable disable
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace Microsoft.ML;

// Assigns each row a repeatable uniform number in [0, 1) for TrainTestSplit: from the seed and the row number, or,
// with a sampling key column, from the seed and the key value so that rows sharing a key land on the same side.
internal static class SplitSampler
{
    public static Func<double> Create(DataViewRow row, DataViewSchema.Column? keyColumn, int seed)
    {
        if (keyColumn == null)
            return () => ToUnit(Mix((ulong)seed, (ulong)row.Position));
        var column = keyColumn.Value;
        var method = column.Type.RawType == typeof(ReadOnlyMemory<char>)
            ? typeof(SplitSampler).GetMethod(nameof(TextKeyHash), BindingFlags.NonPublic | BindingFlags.Static)
            : typeof(SplitSampler).GetMethod(nameof(ValueKeyHash), BindingFlags.NonPublic | BindingFlags.Static)
                .MakeGenericMethod(column.Type.RawType);
        var hash = (Func<ulong>)method.Invoke(null, new object[] { row, column });
        return () => ToUnit(Mix((ulong)seed, hash()));
    }

    // Sampling keys must be scalars of a plain value type or text.
    public static void CheckKeyColumn(DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType || !(column.Type.RawType == typeof(ReadOnlyMemory<char>) || column.Type.RawType.IsValueType))
            throw new ArgumentOutOfRangeException("samplingKeyColumnName",
                $"The sampling key column '{column.Name}' must be a scalar (text, number, boolean or key), got {column.Type}.");
    }

    private static Func<ulong> TextKeyHash(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return () =>
        {
            getter(ref value);
            return Fnv1a(MemoryMarshal.AsBytes(value.Span));
        };
    }

    private static Func<ulong> ValueKeyHash<T>(DataViewRow row, DataViewSchema.Column column)
        where T : unmanaged
    {
        var getter = row.GetGetter<T>(column);
        T value = default;
        return () =>
        {
            getter(ref value);
            return Fnv1a(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref value, 1)));
        };
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 0xcbf29ce484222325;
        foreach (byte b in bytes)
            hash = (hash ^ b) * 0x100000001b3;
        return hash;
    }

    // SplitMix64's finaliser over the seed and the value, so nearby inputs give unrelated outputs.
    private static ulong Mix(ulong seed, ulong value)
    {
        ulong z = value + seed * 0x9e3779b97f4a7c15 + 0x9e3779b97f4a7c15;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }

    private static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
