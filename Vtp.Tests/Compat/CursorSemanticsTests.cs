using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's cursor contract: typed getters use raw types, only requested columns are active, Position runs from -1
// and returns to -1 after the end, and cursors are independent.
[TestClass]
public sealed class CursorSemanticsTests
{
    private static IDataView Clips() => new MLContext(seed: 1).Data.LoadFromEnumerable(new[]
    {
        new ClipRow { VideoPath = "a.mp4", Text = "first", Features = new[] { 1f, 2f, 3f } },
        new ClipRow { VideoPath = "b.mp4", Text = "second", Features = new[] { 4f, 5f, 6f } },
    });

    [TestMethod]
    public void TextMustBeReadAsReadOnlyMemoryOfChar()
    {
        var data = Clips();
        using var cursor = data.GetRowCursor(data.Schema);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<string>(data.Schema["Caption"]));
        StringAssert.Contains(error.Message, "System.String");
        StringAssert.Contains(error.Message, "Caption");
    }

    [TestMethod]
    public void VectorsMustBeReadAsVBuffer()
    {
        var data = Clips();
        using var cursor = data.GetRowCursor(data.Schema);

        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<float[]>(data.Schema["Features"]));
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<VBuffer<double>>(data.Schema["Features"]));
    }

    [TestMethod]
    public void OnlyRequestedColumnsAreActive()
    {
        var data = Clips();
        using var cursor = data.GetRowCursor(new[] { data.Schema["Caption"] });

        Assert.IsTrue(cursor.IsColumnActive(data.Schema["Caption"]));
        Assert.IsFalse(cursor.IsColumnActive(data.Schema["VideoPath"]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => cursor.GetGetter<ReadOnlyMemory<char>>(data.Schema["VideoPath"]));
    }

    [TestMethod]
    public void PositionStartsBeforeFirstRowAndResetsAfterLast()
    {
        var data = Clips();
        using var cursor = data.GetRowCursor(data.Schema);

        Assert.AreEqual(-1L, cursor.Position);
        Assert.IsTrue(cursor.MoveNext());
        Assert.AreEqual(0L, cursor.Position);
        Assert.IsTrue(cursor.MoveNext());
        Assert.AreEqual(1L, cursor.Position);
        Assert.IsFalse(cursor.MoveNext());
        Assert.AreEqual(-1L, cursor.Position);
        Assert.IsFalse(cursor.MoveNext());
        Assert.AreEqual(0L, cursor.Batch);
    }

    [TestMethod]
    public void ValuesCannotBeFetchedBeforeFirstRow()
    {
        var data = Clips();
        using var cursor = data.GetRowCursor(data.Schema);
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(data.Schema["Caption"]);
        ReadOnlyMemory<char> value = default;
        DataViewRowId id = default;

        Assert.ThrowsExactly<InvalidOperationException>(() => getter(ref value));
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetIdGetter()(ref id));
    }

    [TestMethod]
    public void RowIdsAreUniqueWithinAView()
    {
        var data = Clips();
        using var cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
        var ids = new List<DataViewRowId>();
        var getId = cursor.GetIdGetter();
        while (cursor.MoveNext())
        {
            DataViewRowId id = default;
            getId(ref id);
            ids.Add(id);
        }

        Assert.AreEqual(2, ids.Count);
        Assert.AreNotEqual(ids[0], ids[1]);
    }

    [TestMethod]
    public void CursorsAreIndependent()
    {
        var data = Clips();
        var caption = data.Schema["Caption"];
        using var first = data.GetRowCursor(new[] { caption });
        using var second = data.GetRowCursor(new[] { caption });
        var readFirst = first.GetGetter<ReadOnlyMemory<char>>(caption);
        var readSecond = second.GetGetter<ReadOnlyMemory<char>>(caption);
        ReadOnlyMemory<char> a = default, b = default;

        first.MoveNext();
        first.MoveNext();
        second.MoveNext();
        readFirst(ref a);
        readSecond(ref b);

        Assert.AreEqual("second", a.ToString());
        Assert.AreEqual("first", b.ToString());
    }

    [TestMethod]
    public void ColumnsOfAnotherSchemaAreRejected()
    {
        var data = Clips();
        var builder = new DataViewSchema.Builder();
        for (int i = 0; i < 9; i++)
            builder.AddColumn($"C{i}", NumberDataViewType.Single);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => data.GetRowCursor(new[] { builder.ToSchema()[8] }));
    }
}
