using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// A component built only on public API (as Vtp's are) works with Append, Fit, Transform, Preview and
// CreatePredictionEngine, next to ML.NET's own transforms.
[TestClass]
public sealed class ThirdPartyComponentTests
{
    [TestMethod]
    public void ChainsWithBuiltInTransformsAndTransformsLazily()
    {
        var context = new MLContext(1);
        var pipeline = context.Transforms.CopyColumns("Copy", "Text").Append(new TextLengthEstimator());

        var model = pipeline.Fit(CompatRows.Captions(context));
        var output = model.Transform(CompatRows.Captions(context));

        CollectionAssert.AreEqual(new[] { 5f, 11f }, output.GetColumn<float>("Length").ToArray());
        CollectionAssert.AreEqual(new[] { "a dog", "a black cat" }, output.GetColumn<string>("Copy").ToArray());
        Assert.IsInstanceOfType<TextLengthTransformer>(model.LastTransformer);
    }

    [TestMethod]
    public void SchemaPropagationReachesTheThirdPartyEstimator()
    {
        var context = new MLContext(1);
        var numbers = context.Data.LoadFromEnumerable(new[] { new NumberRow() });
        var pipeline = context.Transforms.CopyColumns("Copy", "Id").Append(new TextLengthEstimator());

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pipeline.Fit(numbers));
        StringAssert.Contains(error.Message, "Text");
    }

    [TestMethod]
    public void PreviewAndPredictionEngineWorkThroughTheChain()
    {
        var context = new MLContext(1);
        var model = new TextLengthEstimator().Append(context.Transforms.CopyColumns("LengthCopy", "Length")).Fit(CompatRows.Captions(context));

        var preview = model.Preview(CompatRows.Captions(context));
        using var engine = context.Model.CreatePredictionEngine<TextRow, LengthPrediction>(model);

        Assert.AreEqual(11f, preview.ColumnView.Single(c => c.Column.Name == "LengthCopy").Values[1]);
        Assert.AreEqual(4f, engine.Predict(new TextRow { Text = "abcd" }).LengthCopy);
        Assert.AreEqual(0f, engine.Predict(new TextRow { Text = "" }).Length);
    }

    private sealed class LengthPrediction
    {
        public float Length { get; set; }
        public float LengthCopy { get; set; }
    }
}
