using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// Builds SchemaShape columns the way third-party ML.NET components must: through the internal five-parameter
// constructor (name, vector kind, item type, is-key, annotations), found by reflection.
public static class SchemaShapeFactory
{
    public static readonly ConstructorInfo ColumnConstructor = typeof(SchemaShape.Column).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic, null,
        new[] { typeof(string), typeof(SchemaShape.Column.VectorKind), typeof(DataViewType), typeof(bool), typeof(SchemaShape) }, null)
        ?? throw new InvalidOperationException("SchemaShape.Column has no internal (string, VectorKind, DataViewType, bool, SchemaShape) constructor.");

    public static SchemaShape.Column Column(string name, SchemaShape.Column.VectorKind kind, DataViewType itemType, bool isKey = false,
        SchemaShape? annotations = null)
    {
        try
        {
            return (SchemaShape.Column)ColumnConstructor.Invoke(new object?[] { name, kind, itemType, isKey, annotations });
        }
        catch (TargetInvocationException error) when (error.InnerException != null)
        {
            throw error.InnerException;
        }
    }

    // The shape of the visible columns of a schema (annotations left out).
    public static SchemaShape FromSchema(DataViewSchema schema)
        => new(schema.Where(c => !c.IsHidden).Select(c => c.Type switch
        {
            VectorDataViewType { IsKnownSize: true } v => Column(c.Name, SchemaShape.Column.VectorKind.Vector, v.ItemType),
            VectorDataViewType v => Column(c.Name, SchemaShape.Column.VectorKind.VariableVector, v.ItemType),
            var scalar => Column(c.Name, SchemaShape.Column.VectorKind.Scalar, scalar),
        }));
}
