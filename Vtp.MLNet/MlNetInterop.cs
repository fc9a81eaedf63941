// The one place where Vtp reaches into ML.NET internals: SchemaShape.Column's constructor is internal in ML.NET
// (unchanged through 5.0), so every third-party estimator has to build its output shape columns by reflection.
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>
/// Reflection into ML.NET internals, fenced into one class. It fails loudly: when the expected member is gone the
/// exception names it and the ML.NET version that was found.
/// </summary>
internal static class MlNetInterop
{
    private static readonly Type[] ColumnParameters =
        [typeof(string), typeof(SchemaShape.Column.VectorKind), typeof(DataViewType), typeof(bool), typeof(SchemaShape)];

    private static readonly Lazy<ConstructorInfo> ColumnConstructor = new(FindColumnConstructor);

    /// <summary>A SchemaShape column (annotations empty) through the internal five-parameter constructor.</summary>
    /// <exception cref="InvalidOperationException">This ML.NET has no such constructor; the message names the assembly.</exception>
    public static SchemaShape.Column ShapeColumn(string name, SchemaShape.Column.VectorKind kind, DataViewType itemType, bool isKey = false)
    {
        try
        {
            return (SchemaShape.Column)ColumnConstructor.Value.Invoke([name, kind, itemType, isKey, null]);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error.InnerException);
            throw;
        }
    }

    private static ConstructorInfo FindColumnConstructor() =>
        typeof(SchemaShape.Column).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, ColumnParameters, null)
        ?? throw new InvalidOperationException(
            $"SchemaShape.Column in {typeof(SchemaShape).Assembly.GetName()} has no (string, VectorKind, DataViewType, bool, SchemaShape) " +
            "constructor; Vtp.MLNet needs it to describe its output columns. Use the ML.NET version Vtp was built against (5.x).");
}
