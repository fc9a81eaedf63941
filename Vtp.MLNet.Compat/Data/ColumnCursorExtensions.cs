#nullable disable
namespace Microsoft.ML.Data;

/// <summary>Reads one column of a data view as a sequence of values.</summary>
public static class ColumnCursorExtensions
{
    /// <summary>
    /// The values of column <paramref name="columnName"/>, converted as <c>CreateEnumerable</c> does: text as
    /// <see cref="string"/> or <see cref="ReadOnlyMemory{T}"/>, vectors as arrays or <see cref="VBuffer{T}"/> copies.
    /// </summary>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, string columnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.GetColumn<T>(data.Schema[columnName]);
    }

    /// <summary>The values of <paramref name="column"/>, converted as in <see cref="GetColumn{T}(IDataView, string)"/>.</summary>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, DataViewSchema.Column column)
    {
        ArgumentNullException.ThrowIfNull(data);
        RowGetters.CheckIndex(data.Schema, column);
        if (data.Schema[column.Index].Name != column.Name)
            throw new ArgumentOutOfRangeException(nameof(column),
                $"Column '{column.Name}' is not column {column.Index} of this data, which is '{data.Schema[column.Index].Name}'.");
        PocoMembers.GetVectorAndItemType(typeof(T), typeof(T).Name, out _, out _);
        var definition = SchemaDefinition.Create(typeof(Holder<T>), SchemaDefinition.Direction.Write);
        var filler = new PocoFiller<Holder<T>>(PocoColumn.Resolve(typeof(Holder<T>), definition)[0], data.Schema[column.Index]);
        return Read(data, data.Schema[column.Index], filler);
    }

    private static IEnumerable<T> Read<T>(IDataView data, DataViewSchema.Column column, PocoFiller<Holder<T>> filler)
    {
        using var cursor = data.GetRowCursor(new[] { column });
        var fill = filler.CreateFill(cursor);
        while (cursor.MoveNext())
        {
            var holder = new Holder<T>();
            fill(holder);
            yield return holder.Value;
        }
    }

    // A one-member row type, so that column values convert exactly as CreateEnumerable converts them.
    private sealed class Holder<T>
    {
        public T Value { get; set; }
    }
}
