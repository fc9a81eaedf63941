#nullable disable
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

// One member of a user row type resolved against a SchemaDefinition (ML.NET's InternalSchemaDefinition.Column).
internal sealed class PocoColumn
{
    private PocoColumn(string columnName, DataViewType columnType, MemberInfo member, bool isVector, Type itemType,
        DataViewSchema.Annotations annotations)
    {
        ColumnName = columnName;
        ColumnType = columnType;
        Member = member;
        MemberType = PocoMembers.TypeOf(member);
        IsVector = isVector;
        ItemType = itemType;
        Annotations = annotations;
    }

    public string ColumnName { get; }
    public DataViewType ColumnType { get; }
    public MemberInfo Member { get; }
    public Type MemberType { get; }
    public bool IsVector { get; }

    // The raw item type: the column's raw type for scalars, the VBuffer item type for vectors.
    public Type ItemType { get; }

    public DataViewSchema.Annotations Annotations { get; }

    // Whether a column of the given type can be read into (or written from) this member: both vectors or both
    // scalars, with the same raw item type.
    public bool IsCompatibleWith(DataViewType columnType)
        => IsVector
            ? columnType is VectorDataViewType vector && vector.ItemType.RawType == ItemType
            : columnType is not VectorDataViewType && columnType.RawType == ItemType;

    public static PocoColumn[] Resolve(Type userType, SchemaDefinition definition)
        => definition.Select(column => Resolve(userType, column)).ToArray();

    public static DataViewSchema ToSchema(IEnumerable<PocoColumn> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
            builder.AddColumn(column.ColumnName, column.ColumnType, column.Annotations);
        return builder.ToSchema();
    }

    private static PocoColumn Resolve(Type userType, SchemaDefinition.Column column)
    {
        if (column.MemberName == null)
            throw new ArgumentOutOfRangeException("userSchemaDefinition", "Null field name detected in schema definition");
        MemberInfo member = PocoMembers.Find(userType, column.MemberName);
        PocoMembers.GetVectorAndItemType(PocoMembers.TypeOf(member), member.Name, out bool isVector, out Type itemType);
        string name = string.IsNullOrEmpty(column.ColumnName) ? column.MemberName : column.ColumnName;
        DataViewType type = column.ColumnType;
        if (type == null)
        {
            var itemDataType = ColumnTypes.PrimitiveTypeFromRawType(itemType);
            type = isVector ? new VectorDataViewType(itemDataType) : itemDataType;
        }
        else if (isVector != type is VectorDataViewType)
        {
            throw new ArgumentOutOfRangeException("userSchemaDefinition",
                $"Column '{name}' is supposed to be {(type is VectorDataViewType ? "vector" : "scalar")}, but type of associated field '{column.MemberName}' is {(isVector ? "vector" : "scalar")}");
        }
        else if (ColumnTypes.ItemTypeOf(type).RawType != itemType)
        {
            throw new ArgumentOutOfRangeException("userSchemaDefinition",
                $"Column '{name}' is supposed to have item type {ColumnTypes.ItemTypeOf(type).RawType}, but associated field has type {itemType}");
        }
        return new PocoColumn(name, type, member, isVector, itemType, column.Annotations);
    }
}
