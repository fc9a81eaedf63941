#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The getters of an output row of a ColumnMapper: input columns pass through, added columns are computed.
internal sealed class MappedGetters
{
    private readonly DataViewRow _input;
    private readonly Delegate[] _added;
    private readonly bool[] _active;

    public MappedGetters(ColumnMapper mapper, DataViewRow input, bool[] activeOutput)
    {
        Schema = mapper.OutputSchema;
        _input = input;
        _active = activeOutput;
        _added = mapper.CreateGetters(input, activeOutput.Skip(mapper.InputSchema.Count).ToArray());
    }

    public DataViewSchema Schema { get; }

    public bool IsActive(DataViewSchema.Column column)
    {
        RowGetters.CheckIndex(Schema, column);
        return _active[column.Index];
    }

    public ValueGetter<TValue> Get<TValue>(DataViewSchema.Column column)
    {
        if (!IsActive(column))
            throw Errors.InactiveColumn(column);
        int inputCount = _input.Schema.Count;
        if (column.Index < inputCount)
            return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        return _added[column.Index - inputCount] as ValueGetter<TValue>
            ?? throw Errors.WrongGetterType(Schema[column.Index], typeof(TValue));
    }
}

// A single mapped row over an input row (what IRowToRowMapper.GetRow returns); it does not own the input row.
internal sealed class MappedRow : DelegatingRow
{
    private readonly MappedGetters _getters;

    public MappedRow(ColumnMapper mapper, DataViewRow input, bool[] activeOutput)
        : base(input)
    {
        _getters = new MappedGetters(mapper, input, activeOutput);
    }

    public override DataViewSchema Schema => _getters.Schema;
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _getters.Get<TValue>(column);
    public override bool IsColumnActive(DataViewSchema.Column column) => _getters.IsActive(column);
}

// A cursor over a mapped view, moving with the input cursor, which it owns.
internal sealed class MappedCursor : CursorBase
{
    private readonly DataViewRowCursor _input;
    private readonly MappedGetters _getters;

    public MappedCursor(ColumnMapper mapper, DataViewRowCursor input, bool[] activeOutput)
        : base(mapper.OutputSchema)
    {
        _input = input;
        _getters = new MappedGetters(mapper, input, activeOutput);
    }

    public override long Batch => _input.Batch;
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _getters.Get<TValue>(column);
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
    public override bool IsColumnActive(DataViewSchema.Column column) => _getters.IsActive(column);
    protected override bool MoveNextCore() => _input.MoveNext();
    protected override void ReleaseSource() => _input.Dispose();
}
