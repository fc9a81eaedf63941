#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The lazy output of a row-to-row transformer: each cursor opens an input cursor on just the columns it needs.
internal sealed class MappedDataView : SingleCursorDataView
{
    private readonly IDataView _input;
    private readonly ColumnMapper _mapper;

    public MappedDataView(IDataView input, ColumnMapper mapper)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _mapper = mapper;
    }

    public override bool CanShuffle => _input.CanShuffle;

    public override DataViewSchema Schema => _mapper.OutputSchema;

    public override long? GetRowCount() => _input.GetRowCount();

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null)
    {
        bool[] active = RowGetters.ActiveFlags(Schema, columnsNeeded);
        bool[] inputNeeded = _mapper.InputColumnsNeeded(active);
        var input = _input.GetRowCursor(RowGetters.Columns(_input.Schema, inputNeeded), rand);
        return new MappedCursor(_mapper, input, active);
    }
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
        if (!SameColumns(input.Schema, InputSchema))
            throw new ArgumentException(
                $"The input row's columns ({Describe(input.Schema)}) differ from those the mapper was built for ({Describe(InputSchema)}).", nameof(input));
        return new MappedRow(_mapper, input, RowGetters.ActiveFlags(OutputSchema, activeColumns));
    }

    private static bool SameColumns(DataViewSchema actual, DataViewSchema expected)
        => ReferenceEquals(actual, expected)
            || (actual.Count == expected.Count && actual.Zip(expected).All(p => p.First.Name == p.Second.Name && p.First.Type.Equals(p.Second.Type)));

    private static string Describe(DataViewSchema schema) => string.Join(", ", schema.Select(c => $"{c.Name}: {c.Type}"));
}
