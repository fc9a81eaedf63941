#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

internal enum FilterDecision
{
    Keep,
    Skip,
    Stop,
}

// A lazy view of the input rows a predicate keeps (ML.NET's row filters). The predicate is created per cursor, may
// read the input columns in predicateColumns, and keeps row identifiers and column values of the input.
internal sealed class FilteredDataView : SingleCursorDataView
{
    private readonly IDataView _input;
    private readonly int[] _predicateColumns;
    private readonly Func<DataViewRow, Func<FilterDecision>> _createPredicate;
    private readonly Func<long?> _rowCount;
    private readonly bool _keepsOrder;

    // keepsOrder: the predicate depends on row order (take, skip), so the view cannot shuffle.
    public FilteredDataView(IDataView input, int[] predicateColumns, Func<DataViewRow, Func<FilterDecision>> createPredicate,
        bool keepsOrder = false, Func<long?> rowCount = null)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _predicateColumns = predicateColumns;
        _createPredicate = createPredicate;
        _keepsOrder = keepsOrder;
        _rowCount = rowCount ?? (() => null);
    }

    public override bool CanShuffle => !_keepsOrder && _input.CanShuffle;

    public override DataViewSchema Schema => _input.Schema;

    public override long? GetRowCount() => _rowCount();

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null)
    {
        bool[] active = RowGetters.ActiveFlags(Schema, columnsNeeded);
        bool[] inputActive = (bool[])active.Clone();
        foreach (int index in _predicateColumns)
            inputActive[index] = true;
        var input = _input.GetRowCursor(RowGetters.Columns(Schema, inputActive), _keepsOrder ? null : rand);
        return new Cursor(input, active, _createPredicate(input));
    }

    private sealed class Cursor : CursorBase
    {
        private readonly DataViewRowCursor _input;
        private readonly bool[] _active;
        private readonly Func<FilterDecision> _predicate;

        public Cursor(DataViewRowCursor input, bool[] active, Func<FilterDecision> predicate)
            : base(input.Schema)
        {
            _input = input;
            _active = active;
            _predicate = predicate;
        }

        public override long Batch => _input.Batch;
        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowGetters.CheckIndex(Schema, column);
            return _active[column.Index];
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
            => IsColumnActive(column) ? _input.GetGetter<TValue>(column) : throw Errors.InactiveColumn(column);

        protected override bool MoveNextCore()
        {
            while (_input.MoveNext())
            {
                switch (_predicate())
                {
                    case FilterDecision.Keep:
                        return true;
                    case FilterDecision.Stop:
                        return false;
                }
            }
            return false;
        }

        protected override void ReleaseSource() => _input.Dispose();
    }
}
