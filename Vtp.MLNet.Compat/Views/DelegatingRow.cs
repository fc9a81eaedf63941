#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// A row that answers through another row; derived rows override what they change.
internal abstract class DelegatingRow : DataViewRow
{
    protected DelegatingRow(DataViewRow inner)
    {
        Inner = inner;
    }

    protected DataViewRow Inner { get; }

    public override DataViewSchema Schema => Inner.Schema;
    public override long Position => Inner.Position;
    public override long Batch => Inner.Batch;
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => Inner.GetGetter<TValue>(column);
    public override ValueGetter<DataViewRowId> GetIdGetter() => Inner.GetIdGetter();
    public override bool IsColumnActive(DataViewSchema.Column column) => Inner.IsColumnActive(column);
}
