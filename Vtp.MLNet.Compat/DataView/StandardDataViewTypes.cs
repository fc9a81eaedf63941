#nullable disable
namespace Microsoft.ML.Data;

// The standard primitive types are singletons, so reference equality is type equality.

/// <summary>The text type; values are <see cref="ReadOnlyMemory{T}"/> of <see cref="char"/>, never <see cref="string"/>.</summary>
public sealed class TextDataViewType : PrimitiveDataViewType
{
    private TextDataViewType() : base(typeof(ReadOnlyMemory<char>)) { }

    /// <summary>The single instance.</summary>
    public static TextDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType other) => ReferenceEquals(other, this);

    /// <inheritdoc/>
    public override string ToString() => "String";
}

/// <summary>The boolean type; values are <see cref="bool"/>.</summary>
public sealed class BooleanDataViewType : PrimitiveDataViewType
{
    private BooleanDataViewType() : base(typeof(bool)) { }

    /// <summary>The single instance.</summary>
    public static BooleanDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType other) => ReferenceEquals(other, this);

    /// <inheritdoc/>
    public override string ToString() => "Boolean";
}

/// <summary>The numeric types; one instance per .NET numeric type.</summary>
public sealed class NumberDataViewType : PrimitiveDataViewType
{
    private NumberDataViewType(Type rawType) : base(rawType) { }

    /// <summary>Values are <see cref="sbyte"/>.</summary>
    public static NumberDataViewType SByte { get; } = new(typeof(sbyte));
    /// <summary>Values are <see cref="byte"/>.</summary>
    public static NumberDataViewType Byte { get; } = new(typeof(byte));
    /// <summary>Values are <see cref="short"/>.</summary>
    public static NumberDataViewType Int16 { get; } = new(typeof(short));
    /// <summary>Values are <see cref="ushort"/>.</summary>
    public static NumberDataViewType UInt16 { get; } = new(typeof(ushort));
    /// <summary>Values are <see cref="int"/>.</summary>
    public static NumberDataViewType Int32 { get; } = new(typeof(int));
    /// <summary>Values are <see cref="uint"/>.</summary>
    public static NumberDataViewType UInt32 { get; } = new(typeof(uint));
    /// <summary>Values are <see cref="long"/>.</summary>
    public static NumberDataViewType Int64 { get; } = new(typeof(long));
    /// <summary>Values are <see cref="ulong"/>.</summary>
    public static NumberDataViewType UInt64 { get; } = new(typeof(ulong));
    /// <summary>Values are <see cref="float"/>.</summary>
    public static NumberDataViewType Single { get; } = new(typeof(float));
    /// <summary>Values are <see cref="double"/>.</summary>
    public static NumberDataViewType Double { get; } = new(typeof(double));

    /// <inheritdoc/>
    public override bool Equals(DataViewType other) => ReferenceEquals(other, this);

    /// <summary>The .NET type name, e.g. "Single".</summary>
    public override string ToString() => RawType.Name;
}

/// <summary>The row-identifier type; values are <see cref="DataViewRowId"/>.</summary>
public sealed class RowIdDataViewType : PrimitiveDataViewType
{
    private RowIdDataViewType() : base(typeof(DataViewRowId)) { }

    /// <summary>The single instance.</summary>
    public static RowIdDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType other) => ReferenceEquals(other, this);

    /// <inheritdoc/>
    public override string ToString() => "DataViewRowId";
}

/// <summary>The date-time type; values are <see cref="System.DateTime"/>.</summary>
public sealed class DateTimeDataViewType : PrimitiveDataViewType
{
    private DateTimeDataViewType() : base(typeof(DateTime)) { }

    /// <summary>The single instance.</summary>
    public static DateTimeDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType other) => ReferenceEquals(other, this);

    /// <inheritdoc/>
    public override string ToString() => "DateTime";
}

/// <summary>The date-time-offset type; values are <see cref="System.DateTimeOffset"/>.</summary>
public sealed class DateTimeOffsetDataViewType : PrimitiveDataViewType
{
    private DateTimeOffsetDataViewType() : base(typeof(DateTimeOffset)) { }

    /// <summary>The single instance.</summary>
    public static DateTimeOffsetDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType other) => ReferenceEquals(other, this);

    /// <inheritdoc/>
    public override string ToString() => "DateTimeOffset";
}

/// <summary>The time-span type; values are <see cref="System.TimeSpan"/>.</summary>
public sealed class TimeSpanDataViewType : PrimitiveDataViewType
{
    private TimeSpanDataViewType() : base(typeof(TimeSpan)) { }

    /// <summary>The single instance.</summary>
    public static TimeSpanDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType other) => ReferenceEquals(other, this);

    /// <inheritdoc/>
    public override string ToString() => "TimeSpan";
}
