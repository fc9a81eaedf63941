using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// SchemaShape.Column's internal five-parameter constructor, reached by reflection as ML.NET components do, and the
// shapes ML.NET estimators promise.
[TestClass]
public sealed class SchemaShapeTests
{
    [TestMethod]
    public void InternalFiveParameterConstructorIsReachableByReflection()
    {
        Assert.IsTrue(SchemaShapeFactory.ColumnConstructor.IsAssembly);
        Assert.AreEqual(5, SchemaShapeFactory.ColumnConstructor.GetParameters().Length);
        Assert.IsFalse(typeof(SchemaShape.Column).GetConstructors().Any(), "SchemaShape.Column must have no public constructor.");
    }

    [TestMethod]
    public void ReflectedConstructorSetsEveryField()
    {
        var annotations = new SchemaShape(new[] { SchemaShapeFactory.Column("SlotNames", SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance) });

        var column = SchemaShapeFactory.Column("Embedding", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false, annotations);

        Assert.AreEqual("Embedding", column.Name);
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, column.Kind);
        Assert.AreEqual(NumberDataViewType.Single, column.ItemType);
        Assert.IsFalse(column.IsKey);
        Assert.AreSame(annotations, column.Annotations);
        Assert.AreEqual(0, SchemaShapeFactory.Column("A", SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance).Annotations.Count);
    }

    [TestMethod]
    public void ConstructorRejectsKeyAndVectorItemTypes()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            SchemaShapeFactory.Column("K", SchemaShape.Column.VectorKind.Scalar, new KeyDataViewType(typeof(uint), 3)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            SchemaShapeFactory.Column("V", SchemaShape.Column.VectorKind.Scalar, new VectorDataViewType(NumberDataViewType.Single, 2)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            SchemaShapeFactory.Column("B", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, isKey: true));
        Assert.ThrowsExactly<ArgumentNullException>(() =>
            SchemaShapeFactory.Column("", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single));
    }

    [TestMethod]
    public void UninitialisedColumnsAreRejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SchemaShape(new[] { default(SchemaShape.Column) }));
    }

    [TestMethod]
    public void CopyColumnsPromisesTheSourceShapeUnderTheNewName()
    {
        var input = new SchemaShape(new[]
        {
            SchemaShapeFactory.Column("Features", SchemaShape.Column.VectorKind.VariableVector, NumberDataViewType.Single),
        });

        var output = new MLContext(1).Transforms.CopyColumns("Copy", "Features").GetOutputSchema(input);

        var copy = output.Single(c => c.Name == "Copy");
        Assert.AreEqual(SchemaShape.Column.VectorKind.VariableVector, copy.Kind);
        Assert.AreEqual(NumberDataViewType.Single, copy.ItemType);
        Assert.AreEqual(2, output.Count);
    }
}
