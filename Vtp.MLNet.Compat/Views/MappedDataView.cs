#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The lazy output of a row-to-row transformer: each cursor opens an input cursor on just the columns it needs.
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly ColumnMapper _mapper;

    public MappedDataView(IDataView input, ColumnMapper mapper)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _mapper = mapper;
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _mapper.OutputSchema;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null)
    {
        bool[] active = RowGetters.ActiveFlags(Schema, columnsNeeded);
        bool[] inputNeeded = _mapper.InputColumnsNeeded(active);
        var input = _input.GetRowCursor(RowGetters.Columns(_input.Schema, inputNeeded), rand);
        return new MappedCursor(_mapper, input, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random rand = null)
        => new[] { GetRowCursor(columnsNeeded, rand) };
}

// The IRowToRowMapper of a ColumnMapper.
internal sealed class MapperRowToRowMapper : IRowToRowMapper
{
    private readonly ColumnMapper _mapper;

    public MapperRowToRowMapper(ColumnMapper mapper) => _mapper = mapper;

    public DataViewSchema InputSchema => _mapper.InputSchema;

    public DataViewSchema OutputSchema => _mapper.OutputSchema;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        bool[] needed = _mapper.InputColumnsNeeded(RowGetters.ActiveFlags(OutputSchema, dependingColumns));
        return RowGetters.Columns(InputSchema, needed);
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Schema != InputSchema && input.Schema.Count != InputSchema.Count)
            throw new ArgumentException(
                $"The input row has {input.Schema.Count} columns but the mapper was built for a schema of {InputSchema.Count}.", nameof(input));
        return new MappedRow(_mapper, input, RowGetters.ActiveFlags(OutputSchema, activeColumns));
    }
}
