#nullable disable
namespace Microsoft.ML.Data;

/// <summary>
/// The base of transformers that map each input row to one output row by appending columns. Only components of this
/// library can derive from it, as in ML.NET.
/// </summary>
public abstract class RowToRowTransformerBase : ITransformer
{
    private protected RowToRowTransformerBase()
    {
    }

    /// <summary>The input schema followed by the added columns; throws when the input lacks a needed column.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return MakeMapper(inputSchema).OutputSchema;
    }

    /// <summary>Lazily appends the columns; values are computed as cursors read them.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, MakeMapper(input.Schema));
    }

    bool ITransformer.IsRowToRowMapper => true;

    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new MapperRowToRowMapper(MakeMapper(inputSchema));
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw Errors.ModelFilesNotSupported(this);

    private protected abstract ColumnMapper MakeMapper(DataViewSchema inputSchema);
}

/// <summary>The base of row-to-row transformers that compute each output column from one input column.</summary>
public abstract class OneToOneTransformerBase : RowToRowTransformerBase
{
    private protected OneToOneTransformerBase((string outputColumnName, string inputColumnName)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ColumnPairs = columns.ToArray();
    }

    private protected (string outputColumnName, string inputColumnName)[] ColumnPairs { get; }

    // The input column of a pair, or a schema-mismatch error naming it.
    private protected static DataViewSchema.Column FindInput(DataViewSchema inputSchema, string inputColumnName)
        => inputSchema.GetColumnOrNull(inputColumnName) ?? throw Errors.SchemaMismatch(nameof(inputSchema), "input", inputColumnName);
}
