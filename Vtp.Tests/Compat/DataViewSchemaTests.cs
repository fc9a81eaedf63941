using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's schema rules: later columns hide earlier ones of the same name; annotations are typed one-row sets.
[TestClass]
public sealed class DataViewSchemaTests
{
    [TestMethod]
    public void LaterColumnWithSameNameHidesEarlierOne()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single);
        builder.AddColumn("B", TextDataViewType.Instance);
        builder.AddColumn("A", BooleanDataViewType.Instance);

        var schema = builder.ToSchema();

        Assert.AreEqual(3, schema.Count);
        Assert.IsTrue(schema[0].IsHidden);
        Assert.IsFalse(schema[2].IsHidden);
        Assert.AreEqual(2, schema["A"].Index);
        Assert.AreEqual(BooleanDataViewType.Instance, schema["A"].Type);
        Assert.AreEqual("3 columns", schema.ToString());
    }

    [TestMethod]
    public void MissingColumnsThrowByNameAndReturnNullFromGetColumnOrNull()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single);
        var schema = builder.ToSchema();

        Assert.IsNull(schema.GetColumnOrNull("Z"));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => schema["Z"]);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => schema[1]);
    }

    [TestMethod]
    public void AnnotationsCarryTypedValues()
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.AddPrimitiveValue("IsNormalized", BooleanDataViewType.Instance, true);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(2, new[] { "x".AsMemory(), "y".AsMemory() });
        annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, 2),
            (ref VBuffer<ReadOnlyMemory<char>> value) => slotNames.CopyTo(ref value));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 2), annotations.ToAnnotations());

        var column = builder.ToSchema()["Features"];
        bool normalized = false;
        column.Annotations.GetValue("IsNormalized", ref normalized);
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.Annotations.GetValue("SlotNames", ref names);

        Assert.IsTrue(normalized);
        CollectionAssert.AreEqual(new[] { "x", "y" }, names.DenseValues().Select(n => n.ToString()).ToArray());
        Assert.AreEqual("Features: Vector<Single, 2> {IsNormalized, SlotNames}", column.ToString());
        Assert.ThrowsExactly<InvalidOperationException>(() => column.Annotations.GetValue("IsNormalized", ref names));
    }

    [TestMethod]
    public void AnnotationBuilderRejectsMismatchedValueType()
    {
        var annotations = new DataViewSchema.Annotations.Builder();

        Assert.ThrowsExactly<ArgumentException>(() => annotations.AddPrimitiveValue("Count", NumberDataViewType.Int32, 1.5f));
    }

    [TestMethod]
    public void DetachedColumnCopiesColumnDescription()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Caption", TextDataViewType.Instance);
        var detached = new DataViewSchema.DetachedColumn(builder.ToSchema()["Caption"]);
        var rebuilt = new DataViewSchema.Builder();
        rebuilt.AddColumns(new[] { detached });

        Assert.AreEqual("Caption", rebuilt.ToSchema()[0].Name);
        Assert.AreEqual(TextDataViewType.Instance, rebuilt.ToSchema()[0].Type);
        Assert.ThrowsExactly<ArgumentNullException>(() => new DataViewSchema.DetachedColumn("", TextDataViewType.Instance));
    }
}
