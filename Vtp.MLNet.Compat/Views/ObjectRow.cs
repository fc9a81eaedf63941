#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// A row over one object that is replaced by SetObject, with every column active (ML.NET's InputRow): the input of
// prediction engines. Position counts the objects set so far.
internal sealed class ObjectRow<TRow> : DataViewRow
    where TRow : class
{
    private readonly Delegate[] _getters;
    private TRow _current;
    private long _position = -1;

    public ObjectRow(PocoColumn[] columns)
    {
        Schema = PocoColumn.ToSchema(columns);
        _getters = PocoGetters<TRow>.Create(columns, Enumerable.Repeat(true, columns.Length).ToArray(), Current);
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    public override long Batch => 0;

    public void SetObject(TRow row)
    {
        _current = row ?? throw new ArgumentNullException(nameof(row));
        _position++;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => RowGetters.Get<TValue>(Schema, _getters, column);

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)Position, 0);

    public override bool IsColumnActive(DataViewSchema.Column column)
    {
        RowGetters.CheckIndex(Schema, column);
        return true;
    }

    private TRow Current() => _current ?? throw Errors.NotOnRow();
}
