// A row of a Vtp transformer's output: input columns answer through the input row, computed columns through a
// value source (a cursor's batches, or a single row's own computation).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>The computed values of the current row.</summary>
internal interface IComputedValues
{
    /// <summary>The values of computed column <paramref name="column"/> (index into the mapper's columns).</summary>
    float[] Get(int column);
}

internal sealed class ComputedRow(ComputedColumnsMapper mapper, DataViewRow input, HashSet<int> active, IComputedValues values) : DataViewRow
{
    public override DataViewSchema Schema => mapper.OutputSchema;

    public override long Position => input.Position;

    public override long Batch => input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!mapper.IsOutputColumn(column))
            throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' (index {column.Index}) is not a column of this row's schema.");
        if (!IsColumnActive(column))
            throw new InvalidOperationException($"Column '{column.Name}' is not active: request it when opening the cursor or row.");
        var computed = mapper.ComputedIndex(column);
        return computed < 0
            ? input.GetGetter<TValue>(input.Schema[column.Index])
            : mapper.Columns[computed].Getter<TValue>(() => values.Get(computed));
    }
}
