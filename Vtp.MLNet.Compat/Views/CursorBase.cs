#nullable disable
namespace Microsoft.ML;

// ML.NET's cursor life cycle for the cursors this library creates: Position is -1 before the first row; the first
// MoveNext that returns false disposes the cursor, after which Position is -1 again and MoveNext keeps returning false.
internal abstract class CursorBase : DataViewRowCursor
{
    private long _position = -1;
    private bool _finished;

    protected CursorBase(DataViewSchema schema)
    {
        Schema = schema;
    }

    public sealed override DataViewSchema Schema { get; }

    public sealed override long Position => _position;

    public override long Batch => 0;

    protected bool IsOnRow => _position >= 0;

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

    // Releases the underlying source (enumerator, file reader, input cursor).
    protected abstract void ReleaseSource();
}
