#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Reads one value into <paramref name="value"/>, possibly reusing the buffers it already holds.</summary>
public delegate void ValueGetter<TValue>(ref TValue value);

/// <summary>
/// A lazy, schematized, forward-only table. Nothing is read until a cursor is opened, and several cursors may be
/// open at once, each independent of the others.
/// </summary>
public interface IDataView
{
    /// <summary>Whether cursors can return rows in a random order when given a <see cref="Random"/>.</summary>
    bool CanShuffle { get; }

    /// <summary>The schema.</summary>
    DataViewSchema Schema { get; }

    /// <summary>The number of rows when known cheaply, otherwise null.</summary>
    long? GetRowCount();

    /// <summary>Opens a cursor on which only <paramref name="columnsNeeded"/> are active.</summary>
    /// <param name="columnsNeeded">The columns to read; others throw on <see cref="DataViewRow.GetGetter{TValue}"/>.</param>
    /// <param name="rand">When non-null and <see cref="CanShuffle"/>, the order is randomised with it.</param>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null);

    /// <summary>Opens up to <paramref name="n"/> cursors that together visit every row once.</summary>
    DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random rand = null);
}

/// <summary>One row of values reached through typed getters.</summary>
public abstract class DataViewRow : IDisposable
{
    /// <summary>The zero-based row number; -1 before the first row and after the last.</summary>
    public abstract long Position { get; }

    /// <summary>The batch of the row when several cursors split a view; 0 for a single cursor.</summary>
    public abstract long Batch { get; }

    /// <summary>The schema of the row.</summary>
    public abstract DataViewSchema Schema { get; }

    /// <summary>Releases the row.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; <paramref name="disposing"/> is true when called from <see cref="Dispose()"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>
    /// The getter of an active column. <typeparamref name="TValue"/> must be the column type's raw type:
    /// <see cref="ReadOnlyMemory{T}"/> of char for text and <see cref="VBuffer{T}"/> for vectors.
    /// </summary>
    public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

    /// <summary>The getter of the row's unique identifier.</summary>
    public abstract ValueGetter<DataViewRowId> GetIdGetter();

    /// <summary>Whether <paramref name="column"/> was requested when the row or cursor was created.</summary>
    public abstract bool IsColumnActive(DataViewSchema.Column column);
}

/// <summary>A row that moves forward through a data view.</summary>
public abstract class DataViewRowCursor : DataViewRow
{
    /// <summary>Advances to the next row; false at the end, after which the cursor stays finished.</summary>
    public abstract bool MoveNext();
}
