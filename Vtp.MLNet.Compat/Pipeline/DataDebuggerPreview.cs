#nullable disable
using System.Collections.Immutable;
using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>
/// An eager look at the first rows of a data view, by row and by column. Values keep their raw types
/// (<see cref="ReadOnlyMemory{T}"/> for text, <see cref="VBuffer{T}"/> for vectors).
/// </summary>
public sealed class DataDebuggerPreview
{
    internal DataDebuggerPreview(IDataView data, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (maxRows < 0)
            throw new ArgumentOutOfRangeException(nameof(maxRows), $"Must be non-negative, got {maxRows}.");
        Schema = data.Schema;
        int n = Schema.Count;
        var rows = new List<RowInfo>();
        var columns = Enumerable.Range(0, n).Select(_ => new List<object>()).ToArray();
        using (var cursor = data.GetRowCursor(Schema))
        {
            var readers = Schema.Select(c => CreateReader(cursor, c)).ToArray();
            while (rows.Count < maxRows && cursor.MoveNext())
            {
                var row = new RowInfo(n);
                for (int i = 0; i < n; i++)
                {
                    row.Values[i] = new KeyValuePair<string, object>(Schema[i].Name, readers[i]());
                    columns[i].Add(readers[i]());
                }
                rows.Add(row);
            }
        }
        RowView = rows.ToImmutableArray();
        ColumnView = Enumerable.Range(0, n).Select(i => new ColumnInfo(Schema[i], columns[i].ToArray())).ToImmutableArray();
    }

    /// <summary>The schema of the previewed data, hidden columns included.</summary>
    public DataViewSchema Schema { get; }

    /// <summary>One entry per column with its values.</summary>
    public ImmutableArray<ColumnInfo> ColumnView { get; }

    /// <summary>One entry per row with its name/value pairs.</summary>
    public ImmutableArray<RowInfo> RowView { get; }

    /// <summary>For example "3 columns, 5 rows".</summary>
    public override string ToString() => $"{Schema.Count} columns, {RowView.Length} rows";

    // Each call reads the current value into a fresh buffer, so stored values never share arrays.
    private static Func<object> CreateReader(DataViewRow row, DataViewSchema.Column column)
    {
        var method = typeof(DataDebuggerPreview).GetMethod(nameof(CreateTypedReader), BindingFlags.NonPublic | BindingFlags.Static)
            .MakeGenericMethod(column.Type.RawType);
        return (Func<object>)method.Invoke(null, new object[] { row, column });
    }

    private static Func<object> CreateTypedReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default;
            getter(ref value);
            return value;
        };
    }

    /// <summary>The values of one row.</summary>
    public sealed class RowInfo
    {
        internal RowInfo(int n)
        {
            Values = new KeyValuePair<string, object>[n];
        }

        /// <summary>Column name and value pairs, in schema order.</summary>
        public KeyValuePair<string, object>[] Values { get; }

        /// <summary>For example "3 columns".</summary>
        public override string ToString() => $"{Values.Length} columns";
    }

    /// <summary>The values of one column.</summary>
    public sealed class ColumnInfo
    {
        internal ColumnInfo(DataViewSchema.Column column, object[] values)
        {
            Column = column;
            Values = values;
        }

        /// <summary>The column.</summary>
        public DataViewSchema.Column Column { get; }

        /// <summary>The values, one per previewed row.</summary>
        public object[] Values { get; }

        /// <summary>For example "Features: Vector&lt;Single, 3&gt;".</summary>
        public override string ToString() => $"{Column.Name}: {Column.Type}";
    }
}
