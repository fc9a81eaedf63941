using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's LoadFromEnumerable: schema from the row type's public members and attributes, lazy enumeration.
[TestClass]
public sealed class LoadFromEnumerableTests
{
    private static readonly MLContext Context = new(seed: 1);

    [TestMethod]
    public void SchemaFollowsMembersAndAttributes()
    {
        var data = Context.Data.LoadFromEnumerable(new List<ClipRow>());

        CollectionAssert.AreEqual(new[] { "VideoPath", "Caption", "Start", "Features" }, data.Schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(TextDataViewType.Instance, data.Schema["VideoPath"].Type);
        Assert.AreEqual(NumberDataViewType.Single, data.Schema["Start"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema["Features"].Type);
        Assert.IsNull(data.Schema.GetColumnOrNull("Ignored"));
    }

    [TestMethod]
    public void ArraysWithoutVectorTypeAreVariableSizeVectors()
    {
        var data = Context.Data.LoadFromEnumerable(new[] { new ClipRowWithVariableVector() });

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), data.Schema["Scores"].Type);
        Assert.AreEqual(new VectorDataViewType(TextDataViewType.Instance), data.Schema["Tags"].Type);
    }

    [TestMethod]
    public void ValuesAreReadWithRawTypes()
    {
        var rows = new[] { new ClipRow { VideoPath = "a.mp4", Text = "a dog", Start = 1.5f, Features = new[] { 1f, 2f, 3f } } };
        var data = Context.Data.LoadFromEnumerable(rows);

        using var cursor = data.GetRowCursor(data.Schema);
        ReadOnlyMemory<char> caption = default;
        VBuffer<float> features = default;
        float start = 0;
        Assert.IsTrue(cursor.MoveNext());
        cursor.GetGetter<ReadOnlyMemory<char>>(data.Schema["Caption"])(ref caption);
        cursor.GetGetter<VBuffer<float>>(data.Schema["Features"])(ref features);
        cursor.GetGetter<float>(data.Schema["Start"])(ref start);

        Assert.AreEqual("a dog", caption.ToString());
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, features.DenseValues().ToArray());
        Assert.AreEqual(1.5f, start);
        Assert.IsFalse(cursor.MoveNext());
    }

    [TestMethod]
    public void NullStringsReadAsEmptyText()
    {
        var data = Context.Data.LoadFromEnumerable(new[] { new TextRow { Text = null! } });

        Assert.AreEqual("", data.GetColumn<string>("Text").Single());
    }

    [TestMethod]
    public void ViewIsLazyAndSeesLaterChangesToTheCollection()
    {
        var rows = new List<NumberRow> { new() { Id = 1 } };
        var data = Context.Data.LoadFromEnumerable(rows);

        rows.Add(new NumberRow { Id = 2 });

        CollectionAssert.AreEqual(new[] { 1, 2 }, data.GetColumn<int>("Id").ToArray());
        Assert.AreEqual(2L, data.GetRowCount());
    }

    [TestMethod]
    public void StreamedSourceHasNoRowCountAndCannotShuffle()
    {
        var data = Context.Data.LoadFromEnumerable(Enumerable.Range(0, 3).Select(i => new NumberRow { Id = i }));

        Assert.IsNull(data.GetRowCount());
        Assert.IsFalse(data.CanShuffle);
        Assert.AreEqual(3, data.GetColumn<int>("Id").Count());
    }

    [TestMethod]
    public void NullRowThrowsWhenReached()
    {
        var data = Context.Data.LoadFromEnumerable(new NumberRow[] { new(), null! });
        using var cursor = data.GetRowCursor(data.Schema);

        Assert.IsTrue(cursor.MoveNext());
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.MoveNext());
    }

    [TestMethod]
    public void SchemaDefinitionCanSetVectorSizeAtRunTime()
    {
        var definition = SchemaDefinition.Create(typeof(ClipRowWithVariableVector));
        definition["Scores"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 4);

        var data = Context.Data.LoadFromEnumerable(new[] { new ClipRowWithVariableVector() }, definition);

        Assert.AreEqual(4, ((VectorDataViewType)data.Schema["Scores"].Type).Size);
    }

    [TestMethod]
    public void SchemaDefinitionRejectsIncompatibleColumnType()
    {
        var definition = SchemaDefinition.Create(typeof(NumberRow));
        definition["Value"].ColumnType = TextDataViewType.Instance;

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Data.LoadFromEnumerable(new[] { new NumberRow() }, definition));
    }

    [TestMethod]
    public void VectorTypeOnScalarMemberIsRejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Data.LoadFromEnumerable(new[] { new BadVectorRow() }));
    }

    private sealed class BadVectorRow
    {
        [VectorType(2)]
        public float Value { get; set; }
    }
}
