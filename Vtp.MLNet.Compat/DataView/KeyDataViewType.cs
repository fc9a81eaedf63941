#nullable disable
namespace Microsoft.ML.Data;

/// <summary>
/// A categorical (enumerated) type over an unsigned integer: 0 means missing, 1..<see cref="Count"/> are the categories.
/// </summary>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    /// <summary>Creates a key type over <paramref name="type"/> (byte, ushort, uint or ulong) with <paramref name="count"/> categories.</summary>
    public KeyDataViewType(Type type, ulong count)
        : base(type)
    {
        if (!IsValidDataType(type))
            throw new ArgumentOutOfRangeException(nameof(type),
                $"Type is not valid, it must be {typeof(byte).Name}, {typeof(ushort).Name}, {typeof(uint).Name}, or {typeof(ulong).Name}, got {type.Name}.");
        ulong max = MaxValue(type);
        if (count == 0 || count > max)
            throw new ArgumentOutOfRangeException(nameof(count),
                $"The cardinality of a {nameof(KeyDataViewType)} must not exceed {type.Name}.MaxValue ({max}) and must be strictly positive, but got {count}.");
        Count = count;
    }

    /// <summary>Creates a key type over <paramref name="type"/> with <paramref name="count"/> (&gt; 0) categories.</summary>
    public KeyDataViewType(Type type, int count)
        : this(type, count > 0 ? (ulong)count : throw new ArgumentOutOfRangeException(nameof(count),
            $"The cardinality of a {nameof(KeyDataViewType)} must be strictly positive, but got {count}."))
    {
    }

    /// <summary>The number of categories.</summary>
    public ulong Count { get; }

    /// <summary>Whether <paramref name="type"/> can represent keys: byte, ushort, uint or ulong.</summary>
    public static bool IsValidDataType(Type type)
        => type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(byte);

    private static ulong MaxValue(Type type)
        => type == typeof(byte) ? byte.MaxValue
        : type == typeof(ushort) ? ushort.MaxValue
        : type == typeof(uint) ? uint.MaxValue
        : ulong.MaxValue;

    /// <summary>Equal when the raw type and count are equal.</summary>
    public override bool Equals(DataViewType other)
        => other is KeyDataViewType key && key.RawType == RawType && key.Count == Count;

    /// <inheritdoc/>
    public override bool Equals(object other) => other is DataViewType type && Equals(type);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RawType, Count);

    /// <summary>For example "Key&lt;UInt32, 0-9&gt;" for ten categories.</summary>
    public override string ToString() => $"Key<{RawType.Name}, 0-{Count - 1}>";
}
