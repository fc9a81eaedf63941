#nullable disable
namespace Microsoft.ML.Data;

/// <summary>
/// The base class of every type in the <see cref="IDataView"/> type system. Derive from
/// <see cref="PrimitiveDataViewType"/> or <see cref="StructuredDataViewType"/>.
/// </summary>
public abstract class DataViewType : IEquatable<DataViewType>
{
    private protected DataViewType(Type rawType)
    {
        RawType = rawType ?? throw new ArgumentNullException(nameof(rawType));
    }

    /// <summary>The .NET type that holds values of this type (for text, <see cref="ReadOnlyMemory{T}"/> of char).</summary>
    public Type RawType { get; }

    /// <summary>Whether <paramref name="other"/> describes the same type.</summary>
    public abstract bool Equals(DataViewType other);
}

/// <summary>The base class of types whose values may be copied freely, such as vectors.</summary>
public abstract class StructuredDataViewType : DataViewType
{
    /// <summary>Creates a structured type over <paramref name="rawType"/>.</summary>
    protected StructuredDataViewType(Type rawType)
        : base(rawType)
    {
    }
}

/// <summary>The base class of types whose values can be copied by assignment (numbers, text, booleans, keys).</summary>
public abstract class PrimitiveDataViewType : DataViewType
{
    /// <summary>Creates a primitive type over <paramref name="rawType"/>, which must not be disposable.</summary>
    protected PrimitiveDataViewType(Type rawType)
        : base(rawType)
    {
        if (typeof(IDisposable).IsAssignableFrom(RawType))
            throw new ArgumentException(
                $"A {nameof(PrimitiveDataViewType)} cannot have a disposable {nameof(RawType)}, got '{rawType}'.", nameof(rawType));
    }
}
