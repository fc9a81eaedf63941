#nullable disable
namespace Microsoft.ML;

// Appends computed columns to an input schema (the engine behind ML.NET's row-to-row transformers). The output schema
// is the input schema followed by the added columns, so an added column hides an input column of the same name.
internal abstract class ColumnMapper
{
    private DataViewSchema _outputSchema;

    protected ColumnMapper(DataViewSchema inputSchema)
    {
        InputSchema = inputSchema ?? throw new ArgumentNullException(nameof(inputSchema));
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema => _outputSchema ??= BuildOutputSchema();

    public abstract IReadOnlyList<DataViewSchema.DetachedColumn> AddedColumns { get; }

    // The input columns needed to compute the added columns flagged in activeAdded.
    public abstract bool[] GetDependencies(bool[] activeAdded);

    // Getters (null when inactive) of the added columns over input, which must have the dependencies active.
    public abstract Delegate[] CreateGetters(DataViewRow input, bool[] activeAdded);

    // The input columns needed to produce the active output columns: passed-through ones plus dependencies.
    public bool[] InputColumnsNeeded(bool[] activeOutput)
    {
        int inputCount = InputSchema.Count;
        var activeAdded = activeOutput.Skip(inputCount).ToArray();
        bool[] needed = activeAdded.Any(a => a) ? GetDependencies(activeAdded) : new bool[inputCount];
        for (int i = 0; i < inputCount; i++)
            needed[i] |= activeOutput[i];
        return needed;
    }

    private DataViewSchema BuildOutputSchema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(InputSchema);
        builder.AddColumns(AddedColumns);
        return builder.ToSchema();
    }
}
