// The schema shape ML.NET itself derives from a schema (what EstimatorChain.Fit hands each estimator's GetOutputSchema).
// SchemaShape.Create is internal in Microsoft.ML 6.0.0, so the tests reach it by reflection.
using System.Reflection;
using Microsoft.ML;

namespace Vtp.Tests.MLNet;

public static class Shapes
{
    private static readonly MethodInfo Create = typeof(SchemaShape).GetMethod("Create", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic,
        [typeof(DataViewSchema)]) ?? throw new InvalidOperationException("Microsoft.ML has no Shapes.Of(DataViewSchema).");

    /// <summary>ML.NET's shape of <paramref name="schema"/>.</summary>
    public static SchemaShape Of(DataViewSchema schema) => (SchemaShape)Create.Invoke(null, [schema])!;
}
