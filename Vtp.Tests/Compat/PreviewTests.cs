using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's Preview: eager row and column views of at most maxRows rows, values in their raw types.
[TestClass]
public sealed class PreviewTests
{
    private static IDataView Numbers(MLContext context, int count)
        => context.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(i => new NumberRow { Id = i, Value = i }).ToList());

    [TestMethod]
    public void PreviewHasRowAndColumnViewsOfAtMostMaxRows()
    {
        var context = new MLContext(1);

        var preview = Numbers(context, 10).Preview(maxRows: 4);

        Assert.AreEqual(4, preview.RowView.Length);
        Assert.AreEqual(2, preview.ColumnView.Length);
        Assert.AreEqual(4, preview.ColumnView[0].Values.Length);
        Assert.AreEqual("Id", preview.RowView[3].Values[0].Key);
        Assert.AreEqual(3, preview.RowView[3].Values[0].Value);
        Assert.AreEqual("2 columns, 4 rows", preview.ToString());
        Assert.AreEqual("Id: Int32", preview.ColumnView[0].ToString());
        Assert.AreEqual("2 columns", preview.RowView[0].ToString());
    }

    [TestMethod]
    public void PreviewKeepsRawTypesAndUnsharedVectors()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[]
        {
            new ClipRow { VideoPath = "a", Features = new[] { 1f, 2f, 3f } },
            new ClipRow { VideoPath = "b", Features = new[] { 4f, 5f, 6f } },
        });

        var preview = data.Preview();
        var features = preview.ColumnView.Single(c => c.Column.Name == "Features").Values;

        Assert.IsInstanceOfType<ReadOnlyMemory<char>>(preview.RowView[0].Values[0].Value);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, ((VBuffer<float>)features[0]).DenseValues().ToArray());
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, ((VBuffer<float>)features[1]).DenseValues().ToArray());
    }

    [TestMethod]
    public void TransformerPreviewShowsAddedColumns()
    {
        var context = new MLContext(1);
        var data = Numbers(context, 3);
        var copy = context.Transforms.CopyColumns("Copy", "Value").Fit(data);

        var preview = copy.Preview(data);

        Assert.AreEqual(3, preview.ColumnView.Length);
        CollectionAssert.AreEqual(new object[] { 0f, 1f, 2f }, preview.ColumnView[2].Values);
    }

    [TestMethod]
    public void EstimatorPreviewTrainsOnAtMostMaxTrainingRows()
    {
        var context = new MLContext(1);
        var centering = new CenteringEstimator(context);
        var pipeline = context.Transforms.CopyColumns("Copy", "Value").Append(centering);

        var preview = pipeline.Preview(Numbers(context, 10), maxRows: 10, maxTrainingRows: 4);

        Assert.AreEqual(4, centering.TrainingRows);
        Assert.AreEqual(1.5f, centering.LearnedMean);
        Assert.AreEqual(10, preview.RowView.Length);
        Assert.AreEqual(-1.5f, preview.ColumnView.Single(c => c.Column.Name == "Centered").Values[0]);
    }
}
