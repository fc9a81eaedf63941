#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Operations on trained models, <c>mlContext.Model</c>.</summary>
public sealed class ModelOperationsCatalog
{
    internal ModelOperationsCatalog()
    {
    }

    /// <summary>
    /// An engine that runs <paramref name="transformer"/> (which must be a row-to-row mapper) on single objects.
    /// </summary>
    /// <param name="transformer">The trained transformer.</param>
    /// <param name="ignoreMissingColumns">Whether <typeparamref name="TDst"/> members without an output column are left alone.</param>
    /// <param name="inputSchemaDefinition">An optional mapping of <typeparamref name="TSrc"/> members to input columns.</param>
    /// <param name="outputSchemaDefinition">An optional mapping of output columns to <typeparamref name="TDst"/> members.</param>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, bool ignoreMissingColumns = true,
        SchemaDefinition inputSchemaDefinition = null, SchemaDefinition outputSchemaDefinition = null)
        where TSrc : class
        where TDst : class, new()
        => new(transformer, ignoreMissingColumns, inputSchemaDefinition, outputSchemaDefinition);
}
