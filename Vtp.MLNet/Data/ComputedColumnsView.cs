// The lazy IDataView of a Vtp transformer's output: nothing is computed until a cursor asks for a computed column.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>
/// The input with the mapper's computed columns appended. Each cursor has its own state: a cursor over the input
/// for the passed-through columns and a <see cref="BatchPipeline"/> that reads the computed columns' inputs ahead
/// through a second input cursor and computes them a batch at a time. Rows keep the input's order, so the view
/// does not shuffle.
/// </summary>
internal sealed class ComputedColumnsView(IDataView input, ComputedColumnsMapper mapper) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => mapper.OutputSchema;

    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToList();
        if (needed.FirstOrDefault(c => !mapper.IsOutputColumn(c)) is { Name: not null } foreign)
            throw new InvalidOperationException($"Column '{foreign.Name}' (index {foreign.Index}) is not a column of this view's schema.");
        var active = needed.Select(c => c.Index).ToHashSet();
        var computed = mapper.ComputedAmong(needed).ToList();
        var main = input.GetRowCursor(mapper.PassedThrough(needed).DistinctBy(c => c.Index).ToList());
        var pipeline = new BatchPipeline(input, mapper, computed);
        return new Cursor(new ComputedRow(mapper, main, active, pipeline.At(() => main.Position)), main, pipeline);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(ComputedRow row, DataViewRowCursor main, BatchPipeline pipeline) : DataViewRowCursor
    {
        public override DataViewSchema Schema => row.Schema;

        public override long Position => main.Position;

        public override long Batch => main.Batch;

        public override bool MoveNext() => main.MoveNext();

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => row.GetGetter<TValue>(column);

        public override ValueGetter<DataViewRowId> GetIdGetter() => main.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => row.IsColumnActive(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                pipeline.Dispose();
                main.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
