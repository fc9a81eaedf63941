#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The view LoadFromEnumerable returns (ML.NET's StreamingDataView): each cursor enumerates the source again, so the
// view is lazy and sees later changes to the collection; it cannot shuffle; its row count is known for collections.
internal sealed class EnumerableDataView<TRow> : SingleCursorDataView
    where TRow : class
{
    private readonly IEnumerable<TRow> _data;
    private readonly PocoColumn[] _columns;

    public EnumerableDataView(IEnumerable<TRow> data, PocoColumn[] columns)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _columns = columns;
        Schema = PocoColumn.ToSchema(columns);
    }

    public override bool CanShuffle => false;

    public override DataViewSchema Schema { get; }

    public override long? GetRowCount() => (_data as ICollection<TRow>)?.Count;

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null)
        => new Cursor(this, RowGetters.ActiveFlags(Schema, columnsNeeded));

    private sealed class Cursor : RootCursor
    {
        private readonly IEnumerator<TRow> _enumerator;
        private TRow _current;

        public Cursor(EnumerableDataView<TRow> view, bool[] active)
            : base(view.Schema)
        {
            InitializeGetters(PocoGetters<TRow>.Create(view._columns, active, CurrentRow));
            _enumerator = view._data.GetEnumerator();
        }

        private TRow CurrentRow() => IsOnRow ? _current : throw Errors.NotOnRow();

        protected override bool MoveNextCore()
        {
            if (!_enumerator.MoveNext())
            {
                _current = null;
                return false;
            }
            _current = _enumerator.Current
                ?? throw new InvalidOperationException($"Encountered null when iterating over data, this is not supported (row {Position + 1}).");
            return true;
        }

        protected override void ReleaseSource() => _enumerator.Dispose();
    }
}
