// The row-to-row face of a Vtp transformer (prediction engines, chained mappers): the input columns pass through,
// the computed columns follow them, and a row computes its values alone when a getter first asks for them.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>
/// Maps rows of <see cref="InputSchema"/> to rows with <see cref="Columns"/> appended (a computed column hides an
/// input column of the same name). With no computed columns it is the identity.
/// </summary>
internal sealed class ComputedColumnsMapper : IRowToRowMapper
{
    /// <param name="inputSchema">The schema of input rows; checked against the binding here.</param>
    /// <param name="binding">Where the computed columns read their inputs.</param>
    /// <param name="columns">The columns to append.</param>
    /// <param name="batchSize">Rows computed together by a cursor.</param>
    /// <exception cref="ArgumentOutOfRangeException">A needed input column is missing or of the wrong type.</exception>
    public ComputedColumnsMapper(DataViewSchema inputSchema, InputBinding binding, IReadOnlyList<ComputedColumn> columns, int batchSize)
    {
        binding.Check(inputSchema, columns.Any(c => c.ReadsVideo), columns.Any(c => c.ReadsCaption));
        InputSchema = inputSchema;
        Binding = binding;
        Columns = columns;
        BatchSize = batchSize;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var column in columns) builder.AddColumn(column.Name, column.Type);
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public InputBinding Binding { get; }

    public IReadOnlyList<ComputedColumn> Columns { get; }

    public int BatchSize { get; }

    /// <summary>Whether <paramref name="column"/> is a column of <see cref="OutputSchema"/> (same index and name).</summary>
    public bool IsOutputColumn(DataViewSchema.Column column) =>
        column.Index >= 0 && column.Index < OutputSchema.Count && OutputSchema[column.Index].Name == column.Name;

    /// <summary>Index of the computed column behind output column <paramref name="column"/>, or -1 for a passed-through one.</summary>
    public int ComputedIndex(DataViewSchema.Column column) => column.Index < InputSchema.Count ? -1 : column.Index - InputSchema.Count;

    /// <summary>The input columns that the given computed columns read.</summary>
    public IEnumerable<DataViewSchema.Column> InputsOf(IEnumerable<ComputedColumn> computed)
    {
        var list = computed.ToList();
        return Binding.Columns(list.Any(c => c.ReadsVideo), list.Any(c => c.ReadsCaption)).Select(c => InputSchema[c.Name]);
    }

    /// <summary>The passed-through input columns among <paramref name="outputColumns"/>.</summary>
    public IEnumerable<DataViewSchema.Column> PassedThrough(IEnumerable<DataViewSchema.Column> outputColumns) =>
        outputColumns.Where(c => ComputedIndex(c) < 0).Select(c => InputSchema[c.Index]);

    /// <summary>The computed columns among <paramref name="outputColumns"/>.</summary>
    public IEnumerable<ComputedColumn> ComputedAmong(IEnumerable<DataViewSchema.Column> outputColumns) =>
        outputColumns.Select(ComputedIndex).Where(i => i >= 0).Distinct().Select(i => Columns[i]);

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var columns = dependingColumns.ToList();
        return PassedThrough(columns).Concat(InputsOf(ComputedAmong(columns))).DistinctBy(c => c.Index).ToList();
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var active = activeColumns.Select(c => c.Index).ToHashSet();
        var computed = Columns.Where((_, i) => active.Contains(InputSchema.Count + i)).ToList();
        return new ComputedRow(this, input, active, new SingleRowValues(this, input, computed));
    }

    /// <summary>Values of one row, computed on first use and again only when the row's inputs change.</summary>
    private sealed class SingleRowValues(ComputedColumnsMapper mapper, DataViewRow input, List<ComputedColumn> active) : IComputedValues
    {
        private readonly InputReader reader = mapper.Binding.Reader(input, active.Any(c => c.ReadsVideo), active.Any(c => c.ReadsCaption));
        private readonly float[]?[] values = new float[mapper.Columns.Count][];
        private readonly InputValues?[] inputs = new InputValues?[mapper.Columns.Count];

        public float[] Get(int column)
        {
            var current = reader.Read();
            if (values[column] is not { } cached || inputs[column] != current)
            {
                cached = mapper.Columns[column].Compute([current], CancellationToken.None)[0];
                (values[column], inputs[column]) = (cached, current);
            }
            return cached;
        }
    }
}
