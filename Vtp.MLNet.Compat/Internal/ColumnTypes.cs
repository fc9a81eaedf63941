#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The .NET types a column can hold, and their DataViewType (ML.NET's DataKind and ColumnTypeExtensions).
internal static class ColumnTypes
{
    private static readonly Dictionary<Type, PrimitiveDataViewType> Primitives = new()
    {
        [typeof(sbyte)] = NumberDataViewType.SByte,
        [typeof(byte)] = NumberDataViewType.Byte,
        [typeof(short)] = NumberDataViewType.Int16,
        [typeof(ushort)] = NumberDataViewType.UInt16,
        [typeof(int)] = NumberDataViewType.Int32,
        [typeof(uint)] = NumberDataViewType.UInt32,
        [typeof(long)] = NumberDataViewType.Int64,
        [typeof(ulong)] = NumberDataViewType.UInt64,
        [typeof(float)] = NumberDataViewType.Single,
        [typeof(double)] = NumberDataViewType.Double,
        [typeof(ReadOnlyMemory<char>)] = TextDataViewType.Instance,
        [typeof(bool)] = BooleanDataViewType.Instance,
        [typeof(TimeSpan)] = TimeSpanDataViewType.Instance,
        [typeof(DateTime)] = DateTimeDataViewType.Instance,
        [typeof(DateTimeOffset)] = DateTimeOffsetDataViewType.Instance,
        [typeof(DataViewRowId)] = RowIdDataViewType.Instance,
    };

    public static bool IsPrimitiveRawType(Type rawType) => Primitives.ContainsKey(rawType);

    public static PrimitiveDataViewType PrimitiveTypeFromRawType(Type rawType)
        => Primitives.TryGetValue(rawType, out var type)
            ? type
            : throw new NotSupportedException($"Type '{rawType}' has no IDataView type.");

    // The item type of a vector column type, or the type itself for scalars.
    public static DataViewType ItemTypeOf(DataViewType type) => type is VectorDataViewType vector ? vector.ItemType : type;
}
