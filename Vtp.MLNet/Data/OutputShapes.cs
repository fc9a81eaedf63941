// The SchemaShape an estimator promises: its input's columns with the new ones appended (replacing same-named ones).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

internal static class OutputShapes
{
    /// <summary>A known-size vector of Single (the embedding columns).</summary>
    public static SchemaShape.Column SingleVector(string name) =>
        MlNetInterop.ShapeColumn(name, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single);

    /// <summary>A Single scalar (the score column).</summary>
    public static SchemaShape.Column Single(string name) =>
        MlNetInterop.ShapeColumn(name, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single);

    /// <summary><paramref name="input"/>'s columns, then <paramref name="added"/>; an added column replaces an input column of its name.</summary>
    public static SchemaShape Append(SchemaShape input, IReadOnlyList<SchemaShape.Column> added)
    {
        var names = added.Select(c => c.Name).ToHashSet();
        return new SchemaShape(input.Where(c => !names.Contains(c.Name)).Concat(added));
    }
}
