using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's CustomMapping: output members become columns computed lazily, once per row, from the input members.
[TestClass]
public sealed class CustomMappingTests
{
    [TestMethod]
    public void AddsOutputMembersAsColumns()
    {
        var context = new MLContext(1);
        var model = context.Transforms.CustomMapping<TextRow, WordCount>(CountWords, "WordCount").Fit(CompatRows.Captions(context));

        var output = model.Transform(CompatRows.Captions(context));

        Assert.AreEqual(NumberDataViewType.Int32, output.Schema["Words"].Type);
        Assert.AreEqual(new VectorDataViewType(TextDataViewType.Instance), output.Schema["Tokens"].Type);
        CollectionAssert.AreEqual(new[] { 2, 3 }, output.GetColumn<int>("Words").ToArray());
        CollectionAssert.AreEqual(new[] { "a", "black", "cat" }, output.GetColumn<string[]>("Tokens").Last());
        Assert.AreEqual("a dog", output.GetColumn<string>("Text").First());
    }

    [TestMethod]
    public void MapActionRunsOnlyForRowsWhoseOutputIsRead()
    {
        var context = new MLContext(1);
        int calls = 0;
        var model = context.Transforms.CustomMapping<TextRow, WordCount>((source, destination) =>
        {
            calls++;
            CountWords(source, destination);
        }, null).Fit(CompatRows.Captions(context));
        var output = model.Transform(CompatRows.Captions(context));

        Assert.AreEqual(0, calls);
        _ = output.GetColumn<string>("Text").ToArray();
        Assert.AreEqual(0, calls);
        using (var cursor = output.GetRowCursor(new[] { output.Schema["Words"], output.Schema["Tokens"] }))
        {
            var words = cursor.GetGetter<int>(output.Schema["Words"]);
            var tokens = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(output.Schema["Tokens"]);
            int count = 0;
            VBuffer<ReadOnlyMemory<char>> list = default;
            cursor.MoveNext();
            words(ref count);
            words(ref count);
            tokens(ref list);
        }
        Assert.AreEqual(1, calls);
    }

    [TestMethod]
    public void MissingInputColumnIsReportedByEstimatorAndTransformer()
    {
        var context = new MLContext(1);
        var numbers = context.Data.LoadFromEnumerable(new[] { new NumberRow() });
        var estimator = context.Transforms.CustomMapping<TextRow, WordCount>(CountWords, null);

        var shapeError = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShapeFactory.FromSchema(numbers.Schema)));
        StringAssert.Contains(shapeError.Message, "Text");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(numbers));
    }

    [TestMethod]
    public void WrongInputTypeIsASchemaMismatch()
    {
        var context = new MLContext(1);
        var input = new SchemaShape(new[] { SchemaShapeFactory.Column("Text", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single) });

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            context.Transforms.CustomMapping<TextRow, WordCount>(CountWords, null).GetOutputSchema(input));
        StringAssert.Contains(error.Message, "expected String");
    }

    private static void CountWords(TextRow source, WordCount destination)
    {
        destination.Tokens = source.Text.Split(' ');
        destination.Words = destination.Tokens.Length;
    }

    private sealed class WordCount
    {
        public int Words { get; set; }
        public string[] Tokens { get; set; } = Array.Empty<string>();
    }
}
