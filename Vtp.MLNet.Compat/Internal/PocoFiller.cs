#nullable disable
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

// Fills objects of a user row type from rows of a schema (ML.NET's TypedCursorable): text becomes string, vectors
// become dense arrays (reusing the member's array when its length matches) or VBuffers.
internal sealed class PocoFiller<TRow>
    where TRow : class
{
    private readonly PocoColumn[] _columns;
    private readonly int[] _columnIndices;

    // Binds every member of the definition to a column of schema; missing columns throw unless ignored.
    public PocoFiller(DataViewSchema schema, PocoColumn[] definition, bool ignoreMissingColumns)
    {
        var columns = new List<PocoColumn>();
        var indices = new List<int>();
        foreach (var member in definition)
        {
            var column = schema.GetColumnOrNull(member.ColumnName);
            if (column == null)
            {
                if (ignoreMissingColumns)
                    continue;
                throw new ArgumentOutOfRangeException("Schema",
                    $"Could not find column '{member.ColumnName}' for member '{member.Member.Name}' of '{typeof(TRow).Name}'; " +
                    $"the data has columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
            }
            CheckCompatible(member, column.Value);
            columns.Add(member);
            indices.Add(column.Value.Index);
        }
        _columns = columns.ToArray();
        _columnIndices = indices.ToArray();
    }

    // Binds one member to the given column (which may be hidden).
    public PocoFiller(PocoColumn member, DataViewSchema.Column column)
    {
        CheckCompatible(member, column);
        _columns = new[] { member };
        _columnIndices = new[] { column.Index };
    }

    private static void CheckCompatible(PocoColumn member, DataViewSchema.Column column)
    {
        if (!member.IsCompatibleWith(column.Type))
            throw Errors.CannotBind(column.Name, column.Type, member.Member.Name, member.MemberType);
    }

    // The input columns that filling reads.
    public IEnumerable<int> ColumnIndices => _columnIndices;

    // An action that copies the current values of row into an object.
    public Action<TRow> CreateFill(DataViewRow row)
    {
        var setters = new Action<TRow>[_columns.Length];
        for (int i = 0; i < setters.Length; i++)
            setters[i] = CreateSetter(row, row.Schema[_columnIndices[i]], _columns[i]);
        return target =>
        {
            foreach (var setter in setters)
                setter(target);
        };
    }

    private static Action<TRow> CreateSetter(DataViewRow row, DataViewSchema.Column column, PocoColumn member)
    {
        Type memberType = member.MemberType;
        string factory = memberType == typeof(string) ? nameof(TextSetter)
            : memberType == typeof(string[]) ? nameof(TextArraySetter)
            : memberType.IsArray ? nameof(ArraySetter)
            : nameof(DirectSetter);
        var method = typeof(PocoFiller<TRow>).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static);
        if (method.IsGenericMethodDefinition)
            method = method.MakeGenericMethod(memberType.IsArray ? member.ItemType : memberType);
        return (Action<TRow>)method.Invoke(null, new object[] { row, column, member.Member });
    }

    private static Action<TRow> TextSetter(DataViewRow row, DataViewSchema.Column column, MemberInfo member)
    {
        var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
        var write = PocoMembers.CreateWriter<TRow, string>(member);
        ReadOnlyMemory<char> value = default;
        return target =>
        {
            getter(ref value);
            write(target, value.ToString());
        };
    }

    private static Action<TRow> TextArraySetter(DataViewRow row, DataViewSchema.Column column, MemberInfo member)
    {
        var getter = row.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        var write = PocoMembers.CreateWriter<TRow, string[]>(member);
        VBuffer<ReadOnlyMemory<char>> value = default;
        return target =>
        {
            getter(ref value);
            write(target, value.DenseValues().Select(text => text.ToString()).ToArray());
        };
    }

    private static Action<TRow> ArraySetter<T>(DataViewRow row, DataViewSchema.Column column, MemberInfo member)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        var read = PocoMembers.CreateReader<TRow, T[]>(member);
        var write = PocoMembers.CreateWriter<TRow, T[]>(member);
        VBuffer<T> value = default;
        return target =>
        {
            getter(ref value);
            T[] array = read(target);
            if (array == null || array.Length != value.Length)
                array = new T[value.Length];
            value.CopyTo(array);
            write(target, array);
        };
    }

    // Scalars and VBuffer members: the member's current value is handed to the getter so its buffers can be reused.
    private static Action<TRow> DirectSetter<T>(DataViewRow row, DataViewSchema.Column column, MemberInfo member)
    {
        var getter = row.GetGetter<T>(column);
        var read = PocoMembers.CreateReader<TRow, T>(member);
        var write = PocoMembers.CreateWriter<TRow, T>(member);
        return target =>
        {
            T value = read(target);
            getter(ref value);
            write(target, value);
        };
    }
}
