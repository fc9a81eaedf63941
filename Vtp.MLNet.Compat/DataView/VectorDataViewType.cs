#nullable disable
using System.Collections.Immutable;
using System.Text;

namespace Microsoft.ML.Data;

/// <summary>
/// A vector of a primitive item type; values are <see cref="VBuffer{T}"/>. A size of 0 means the length is unknown and
/// may differ from row to row.
/// </summary>
public sealed class VectorDataViewType : StructuredDataViewType
{
    /// <summary>Creates a one-dimensional vector type; <paramref name="size"/> 0 means variable length.</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, int size = 0)
        : base(RawTypeFor(itemType))
    {
        if (size < 0)
            throw new ArgumentOutOfRangeException(nameof(size), $"Vector size must be non-negative, got {size}.");
        ItemType = itemType;
        Size = size;
        Dimensions = ImmutableArray.Create(size);
    }

    /// <summary>Creates a possibly multi-dimensional vector type (the last dimension varies fastest).</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
        : this(itemType, dimensions == null ? default : ImmutableArray.Create(dimensions))
    {
    }

    /// <summary>Creates a possibly multi-dimensional vector type (the last dimension varies fastest).</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, ImmutableArray<int> dimensions)
        : base(RawTypeFor(itemType))
    {
        if (dimensions.IsDefaultOrEmpty || dimensions.Any(d => d < 0))
            throw new ArgumentOutOfRangeException(nameof(dimensions),
                "Dimensions must be non-empty and non-negative, got [" + (dimensions.IsDefault ? "" : string.Join(", ", dimensions)) + "].");
        ItemType = itemType;
        Dimensions = dimensions;
        Size = dimensions.Aggregate(1, (product, d) => checked(product * d));
    }

    /// <summary>The dimensions; at least one, a 0 meaning unknown along that axis.</summary>
    public ImmutableArray<int> Dimensions { get; }

    /// <summary>Whether every value has the same, known length (<see cref="Size"/> &gt; 0).</summary>
    public bool IsKnownSize => Size > 0;

    /// <summary>The item type.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The product of the dimensions; 0 when unknown.</summary>
    public int Size { get; }

    private static Type RawTypeFor(PrimitiveDataViewType itemType)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        return typeof(VBuffer<>).MakeGenericType(itemType.RawType);
    }

    /// <summary>Equal when item types, sizes and dimensions are equal.</summary>
    public override bool Equals(DataViewType other)
        => other is VectorDataViewType vector && ItemType.Equals(vector.ItemType) && Size == vector.Size
            && Dimensions.SequenceEqual(vector.Dimensions);

    /// <inheritdoc/>
    public override bool Equals(object other) => other is DataViewType type && Equals(type);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ItemType);
        hash.Add(Size);
        foreach (int d in Dimensions)
            hash.Add(d);
        return hash.ToHashCode();
    }

    /// <summary>For example "Vector&lt;Single, 3&gt;", "Vector&lt;Single&gt;" (unknown size) or "Vector&lt;Single, 2, *&gt;".</summary>
    public override string ToString()
    {
        var text = new StringBuilder("Vector<").Append(ItemType);
        if (Dimensions.Length == 1)
        {
            if (Size > 0)
                text.Append(", ").Append(Size);
        }
        else
        {
            foreach (int d in Dimensions)
                text.Append(", ").Append(d > 0 ? d.ToString() : "*");
        }
        return text.Append('>').ToString();
    }
}
