#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// Row-to-row mappers applied in sequence. Each mapper only computes what later mappers and the caller need: the
// needed columns are worked out from the last mapper back to the first.
internal sealed class ChainedRowToRowMapper : IRowToRowMapper
{
    private readonly IRowToRowMapper[] _mappers;

    public ChainedRowToRowMapper(DataViewSchema inputSchema, IRowToRowMapper[] mappers)
    {
        InputSchema = inputSchema;
        _mappers = mappers;
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema => _mappers.Length == 0 ? InputSchema : _mappers[^1].OutputSchema;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
        => _mappers.Reverse().Aggregate(dependingColumns, (needed, mapper) => mapper.GetDependencies(needed).ToArray());

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_mappers.Length == 0)
            return input;
        // needed[i] are the output columns of mapper i that must be active.
        var needed = new DataViewSchema.Column[_mappers.Length][];
        needed[^1] = activeColumns.ToArray();
        for (int i = _mappers.Length - 1; i > 0; i--)
            needed[i - 1] = _mappers[i].GetDependencies(needed[i]).ToArray();
        var rows = new List<DataViewRow>();
        DataViewRow row = input;
        for (int i = 0; i < _mappers.Length; i++)
        {
            row = _mappers[i].GetRow(row, needed[i]);
            rows.Add(row);
        }
        return new ChainedRow(rows);
    }

    // The last mapper's row; disposing it disposes every row the chain created, last first.
    private sealed class ChainedRow : DelegatingRow
    {
        private readonly List<DataViewRow> _rows;

        public ChainedRow(List<DataViewRow> rows)
            : base(rows[^1])
        {
            _rows = rows;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                for (int i = _rows.Count - 1; i >= 0; i--)
                    _rows[i].Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
