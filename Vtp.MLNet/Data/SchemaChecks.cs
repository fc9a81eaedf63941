// Input column checks shared by every estimator and transformer, on both schema forms (SchemaShape at
// GetOutputSchema, DataViewSchema at Fit and Transform), with ML.NET's wording and exception type.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>What an input column must hold.</summary>
internal enum ColumnRequirement
{
    /// <summary>A scalar text column (ReadOnlyMemory&lt;char&gt;).</summary>
    Text,

    /// <summary>A scalar Single or Double column of seconds.</summary>
    Seconds,

    /// <summary>A vector of Single of known size.</summary>
    SingleVector,
}

internal static class SchemaChecks
{
    /// <summary>Checks that <paramref name="shape"/> has column <paramref name="name"/> of the required kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or of another type; the message names both types.</exception>
    public static void Require(SchemaShape shape, string name, ColumnRequirement requirement)
    {
        var found = shape.Where(c => c.Name == name).Select(c => (SchemaShape.Column?)c).LastOrDefault();
        if (found is not { } column) throw Missing(name, requirement, shape.Select(c => c.Name));
        var fits = requirement switch
        {
            ColumnRequirement.Text => column.Kind == SchemaShape.Column.VectorKind.Scalar && !column.IsKey && column.ItemType is TextDataViewType,
            ColumnRequirement.Seconds => column.Kind == SchemaShape.Column.VectorKind.Scalar && !column.IsKey && IsSecondsType(column.ItemType),
            _ => column.Kind == SchemaShape.Column.VectorKind.Vector && !column.IsKey && column.ItemType == NumberDataViewType.Single,
        };
        if (!fits) throw Mismatch(name, requirement, ShapeTypeText(column));
    }

    /// <summary>Checks that <paramref name="schema"/> has a visible column <paramref name="name"/> of the required type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or of another type; the message names both types.</exception>
    public static DataViewSchema.Column Require(DataViewSchema schema, string name, ColumnRequirement requirement)
    {
        if (schema.GetColumnOrNull(name) is not { } column) throw Missing(name, requirement, schema.Where(c => !c.IsHidden).Select(c => c.Name));
        var fits = requirement switch
        {
            ColumnRequirement.Text => column.Type is TextDataViewType,
            ColumnRequirement.Seconds => IsSecondsType(column.Type),
            _ => column.Type is VectorDataViewType { IsKnownSize: true } vector && vector.ItemType == NumberDataViewType.Single,
        };
        if (!fits) throw Mismatch(name, requirement, $"{column.Type}");
        return column;
    }

    /// <summary>The ML.NET type names a requirement accepts, as written in error messages.</summary>
    public static string Expected(ColumnRequirement requirement) => requirement switch
    {
        ColumnRequirement.Text => "String",
        ColumnRequirement.Seconds => "Single or Double (seconds)",
        _ => "Vector<Single> of known size",
    };

    private static bool IsSecondsType(DataViewType type) => type == NumberDataViewType.Single || type == NumberDataViewType.Double;

    private static ArgumentOutOfRangeException Mismatch(string name, ColumnRequirement requirement, string actual) =>
        new("inputSchema", $"Schema mismatch for input column '{name}': expected {Expected(requirement)}, got {actual}");

    private static ArgumentOutOfRangeException Missing(string name, ColumnRequirement requirement, IEnumerable<string> available) =>
        new("inputSchema", $"Could not find input column '{name}' (expected {Expected(requirement)}); the input has: {string.Join(", ", available)}");

    // ML.NET's way of writing a shape column's type: Vector<Single>, VarVector<Key<UInt32>>, String.
    private static string ShapeTypeText(SchemaShape.Column column)
    {
        var item = column.IsKey ? $"Key<{column.ItemType}>" : $"{column.ItemType}";
        return column.Kind switch
        {
            SchemaShape.Column.VectorKind.Vector => $"Vector<{item}>",
            SchemaShape.Column.VectorKind.VariableVector => $"VarVector<{item}>",
            _ => item,
        };
    }
}
