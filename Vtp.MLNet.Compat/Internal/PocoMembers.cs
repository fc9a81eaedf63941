#nullable disable
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

// Reflection over the fields and properties of user row types (ML.NET's InternalSchemaDefinition rules), with
// compiled accessors so that per-row reads and writes cost a delegate call.
internal static class PocoMembers
{
    public static Type TypeOf(MemberInfo member) => member switch
    {
        FieldInfo field => field.FieldType,
        PropertyInfo property => property.PropertyType,
        _ => throw new NotSupportedException($"Expected a field or a property, got {member.MemberType} '{member.Name}'."),
    };

    // Whether a member type is a vector (T[] or VBuffer<T>) and the raw item type (string becomes ReadOnlyMemory<char>).
    public static void GetVectorAndItemType(Type memberType, string memberName, out bool isVector, out Type itemType)
    {
        isVector = true;
        if (memberType.IsArray)
            itemType = memberType.GetElementType();
        else if (memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(VBuffer<>))
            itemType = memberType.GetGenericArguments()[0];
        else
        {
            itemType = memberType;
            isVector = false;
        }
        if (itemType == typeof(string))
            itemType = typeof(ReadOnlyMemory<char>);
        else if (!ColumnTypes.IsPrimitiveRawType(itemType))
            throw new ArgumentOutOfRangeException(nameof(memberType),
                $"Could not determine an IDataView type for member {memberName} of type '{memberType}'.");
    }

    public static MemberInfo Find(Type userType, string memberName)
        => (MemberInfo)userType.GetField(memberName) ?? userType.GetProperty(memberName)
            ?? throw new ArgumentOutOfRangeException("userSchemaDefinition",
                $"No field or property with name '{memberName}' found in type '{userType.FullName}'");

    // A compiled Func<TRow, TMember> reading the member.
    public static Func<TRow, TMember> CreateReader<TRow, TMember>(MemberInfo member)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, TMember>>(Expression.MakeMemberAccess(row, member), row).Compile();
    }

    // A compiled Action<TRow, TMember> writing the member; throws for a read-only property.
    public static Action<TRow, TMember> CreateWriter<TRow, TMember>(MemberInfo member)
    {
        if (member is PropertyInfo { CanWrite: false })
            throw new InvalidOperationException($"Property '{member.Name}' of '{typeof(TRow)}' has no setter, so it cannot receive column values.");
        var row = Expression.Parameter(typeof(TRow), "row");
        var value = Expression.Parameter(typeof(TMember), "value");
        var assign = Expression.Assign(Expression.MakeMemberAccess(row, member), value);
        return Expression.Lambda<Action<TRow, TMember>>(assign, row, value).Compile();
    }
}
