#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>A component whose state can be written into an ML.NET model file.</summary>
public interface ICanSaveModel
{
    /// <summary>Writes the component into <paramref name="ctx"/>.</summary>
    void Save(ModelSaveContext ctx);
}

/// <summary>
/// The writing context of an ML.NET model file. Its constructors and members are internal, as in ML.NET, so components
/// outside ML.NET cannot take part in <c>mlContext.Model.Save</c>.
/// </summary>
public sealed class ModelSaveContext : IDisposable
{
    private ModelSaveContext()
    {
    }

    /// <summary>Releases the context.</summary>
    public void Dispose()
    {
    }
}

/// <summary>Transforms data; also answers how a schema will look after the transformation.</summary>
public interface ITransformer : ICanSaveModel
{
    /// <summary>The output schema for an input of <paramref name="inputSchema"/>.</summary>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>Lazily transforms <paramref name="input"/>; work happens when a cursor is opened.</summary>
    IDataView Transform(IDataView input);

    /// <summary>Whether <see cref="GetRowToRowMapper"/> succeeds.</summary>
    bool IsRowToRowMapper { get; }

    /// <summary>A mapper that transforms single rows of <paramref name="inputSchema"/>.</summary>
    IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema);
}

/// <summary>An untrained transformer: fits on data to produce a <typeparamref name="TTransformer"/>.</summary>
public interface IEstimator<out TTransformer>
    where TTransformer : ITransformer
{
    /// <summary>Trains on <paramref name="input"/>.</summary>
    TTransformer Fit(IDataView input);

    /// <summary>The promised output shape for an input of <paramref name="inputSchema"/>; throws on unusable inputs.</summary>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
