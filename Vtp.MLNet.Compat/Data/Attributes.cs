#nullable disable
namespace Microsoft.ML.Data;

/// <summary>Names the column a field or property maps to, instead of the member name.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ColumnNameAttribute : Attribute
{
    /// <summary>Maps the member to column <paramref name="name"/>.</summary>
    public ColumnNameAttribute(string name)
    {
        Name = name;
    }

    internal string Name { get; }
}

/// <summary>Excludes a field or property from the data view schema.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class NoColumnAttribute : Attribute
{
}

/// <summary>Declares an array member as a vector column of known dimensions (or unknown size when none are given).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class VectorTypeAttribute : Attribute
{
    /// <summary>A vector of unknown size.</summary>
    public VectorTypeAttribute()
    {
    }

    /// <summary>A vector of <paramref name="size"/> items.</summary>
    public VectorTypeAttribute(int size)
    {
        Dims = new[] { size };
    }

    /// <summary>A vector with the given dimensions.</summary>
    public VectorTypeAttribute(params int[] dimensions)
    {
        Dims = dimensions;
    }

    internal int[] Dims { get; }
}

/// <summary>Maps a member to field(s) of a text file read by <c>LoadFromTextFile&lt;TInput&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class LoadColumnAttribute : Attribute
{
    /// <summary>Reads the zero-based field <paramref name="fieldIndex"/>.</summary>
    public LoadColumnAttribute(int fieldIndex)
    {
        Indices = new[] { fieldIndex };
    }

    /// <summary>Reads fields <paramref name="start"/> to <paramref name="end"/> inclusive into a vector.</summary>
    public LoadColumnAttribute(int start, int end)
    {
        if (end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"End field {end} is before start field {start}.");
        Indices = Enumerable.Range(start, end - start + 1).ToArray();
    }

    /// <summary>Reads the listed fields into a vector.</summary>
    public LoadColumnAttribute(int[] columnIndexes)
    {
        Indices = columnIndexes?.ToArray() ?? throw new ArgumentNullException(nameof(columnIndexes));
    }

    internal int[] Indices { get; }
}
