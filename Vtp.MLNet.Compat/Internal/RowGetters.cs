#nullable disable
namespace Microsoft.ML;

// Shared checks of rows and cursors: which columns are active, and typed access to per-column getter delegates.
internal static class RowGetters
{
    // The active flags for columnsNeeded, after checking each belongs to a schema of this size.
    public static bool[] ActiveFlags(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[schema.Count];
        foreach (var column in columnsNeeded)
        {
            CheckIndex(schema, column, nameof(columnsNeeded));
            active[column.Index] = true;
        }
        return active;
    }

    public static IEnumerable<DataViewSchema.Column> Columns(DataViewSchema schema, bool[] active)
        => schema.Where(c => active[c.Index]);

    public static void CheckIndex(DataViewSchema schema, DataViewSchema.Column column, string paramName = "column")
    {
        if (column.Index < 0 || column.Index >= schema.Count)
            throw Errors.ColumnOutOfRange(paramName, column.Index, schema.Count);
    }

    // The typed getter of an active column whose delegate is in getters (null for inactive columns).
    public static ValueGetter<TValue> Get<TValue>(DataViewSchema schema, Delegate[] getters, DataViewSchema.Column column)
    {
        CheckIndex(schema, column);
        Delegate getter = getters[column.Index] ?? throw Errors.InactiveColumn(column);
        return getter as ValueGetter<TValue> ?? throw Errors.WrongGetterType(schema[column.Index], typeof(TValue));
    }
}
