#nullable disable
namespace Microsoft.ML;

// A view whose cursors cannot be split: GetRowCursorSet returns a single cursor, which IDataView allows.
internal abstract class SingleCursorDataView : IDataView
{
    public abstract bool CanShuffle { get; }

    public abstract DataViewSchema Schema { get; }

    public abstract long? GetRowCount();

    public abstract DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random rand = null)
        => new[] { GetRowCursor(columnsNeeded, rand) };
}
