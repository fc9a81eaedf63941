#nullable disable
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary>User-defined row mappings in <see cref="TransformsCatalog"/>.</summary>
public static class CustomMappingCatalog
{
    /// <summary>
    /// Appends the members of <typeparamref name="TDst"/> as columns computed by <paramref name="mapAction"/> from the
    /// <typeparamref name="TSrc"/> columns of each row.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="mapAction">Sets every member of the output object from the input object.</param>
    /// <param name="contractName">The name under which ML.NET model loading finds the mapping; may be null. Model files
    /// are not supported by this layer, so it is not used.</param>
    /// <param name="inputSchemaDefinition">An optional mapping of input columns to <typeparamref name="TSrc"/> members.</param>
    /// <param name="outputSchemaDefinition">An optional mapping of <typeparamref name="TDst"/> members to output columns.</param>
    public static CustomMappingEstimator<TSrc, TDst> CustomMapping<TSrc, TDst>(this TransformsCatalog catalog, Action<TSrc, TDst> mapAction,
        string contractName, SchemaDefinition inputSchemaDefinition = null, SchemaDefinition outputSchemaDefinition = null)
        where TSrc : class, new()
        where TDst : class, new()
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CustomMappingEstimator<TSrc, TDst>(mapAction, inputSchemaDefinition, outputSchemaDefinition);
    }
}
