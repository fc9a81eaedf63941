#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The cursor of a view that produces rows itself (not from another view), with ML.NET's root-cursor semantics:
// Position is -1 before the first row; the first MoveNext that returns false disposes the cursor, after which
// Position is -1 again and MoveNext keeps returning false; getters of inactive columns throw; reading values while
// not on a row throws.
internal abstract class RootCursor : DataViewRowCursor
{
    private Delegate[] _getters;
    private long _position = -1;
    private bool _finished;

    // Derived constructors must call InitializeGetters.
    protected RootCursor(DataViewSchema schema)
    {
        Schema = schema;
    }

    // One getter per active column, null for inactive ones.
    protected void InitializeGetters(Delegate[] getters) => _getters = getters;

    public sealed override DataViewSchema Schema { get; }

    public sealed override long Position => _position;

    public sealed override long Batch => 0;

    protected bool IsOnRow => _position >= 0;

    public sealed override bool IsColumnActive(DataViewSchema.Column column)
    {
        RowGetters.CheckIndex(Schema, column);
        return _getters[column.Index] != null;
    }

    public sealed override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        => RowGetters.Get<TValue>(Schema, _getters, column);

    // Row identifiers are the row numbers, as for ML.NET's in-memory and text views.
    public override ValueGetter<DataViewRowId> GetIdGetter()
        => (ref DataViewRowId id) => id = new DataViewRowId((ulong)CheckedPosition(), 0);

    public sealed override bool MoveNext()
    {
        if (_finished)
            return false;
        if (MoveNextCore())
        {
            _position++;
            return true;
        }
        Dispose();
        return false;
    }

    // Advances the underlying source; false at its end.
    protected abstract bool MoveNextCore();

    protected long CheckedPosition() => IsOnRow ? _position : throw Errors.NotOnRow();

    protected override void Dispose(bool disposing)
    {
        if (_finished)
            return;
        _finished = true;
        _position = -1;
        if (disposing)
            ReleaseSource();
        base.Dispose(disposing);
    }

    // Releases the underlying source (enumerator, file reader).
    protected abstract void ReleaseSource();
}
