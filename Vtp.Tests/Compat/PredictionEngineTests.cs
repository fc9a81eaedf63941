using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's PredictionEngine: runs a fitted row-to-row chain on one object at a time.
[TestClass]
public sealed class PredictionEngineTests
{
    [TestMethod]
    public void PredictsOneRowThroughAFittedChain()
    {
        var context = new MLContext(1);
        var training = context.Data.LoadFromEnumerable(new[] { 1f, 2f, 6f }.Select(v => new NumberRow { Value = v }).ToList());
        var model = context.Transforms.CopyColumns("Copy", "Value").Append(new CenteringEstimator(context)).Fit(training);

        using var engine = context.Model.CreatePredictionEngine<NumberRow, Prediction>(model);
        var first = engine.Predict(new NumberRow { Value = 10 });
        var reused = new Prediction();
        engine.Predict(new NumberRow { Value = 0 }, ref reused);

        Assert.AreEqual(7f, first.Centered);
        Assert.AreEqual(10f, first.Copy);
        Assert.AreEqual(-3f, reused.Centered);
        Assert.IsNotNull(engine.OutputSchema.GetColumnOrNull("Centered"));
    }

    [TestMethod]
    public void MissingOutputColumnsAreIgnoredByDefaultOnly()
    {
        var context = new MLContext(1);
        var training = context.Data.LoadFromEnumerable(new[] { new NumberRow() });
        var model = context.Transforms.CopyColumns("Copy", "Value").Fit(training);

        using var engine = context.Model.CreatePredictionEngine<NumberRow, Prediction>(model);

        Assert.AreEqual(0f, engine.Predict(new NumberRow { Value = 4 }).Centered);
        Assert.AreEqual(4f, engine.Predict(new NumberRow { Value = 4 }).Copy);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            context.Model.CreatePredictionEngine<NumberRow, Prediction>(model, ignoreMissingColumns: false));
    }

    [TestMethod]
    public void TransformerThatIsNotARowMapperIsRejected()
    {
        var context = new MLContext(1);
        var notMapper = new TransformerChain<ITransformer>(new ShufflingTransformer(context));

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Model.CreatePredictionEngine<NumberRow, Prediction>(notMapper));
    }

    private sealed class Prediction
    {
        public float Copy { get; set; }
        public float Centered { get; set; }
    }

    // A whole-dataset transformer (it reorders rows), so it cannot map single rows.
    private sealed class ShufflingTransformer(MLContext context) : ITransformer
    {
        public bool IsRowToRowMapper => false;
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;
        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => throw new InvalidOperationException("Not a row mapper.");
        public void Save(ModelSaveContext ctx) => throw new NotSupportedException();
        public IDataView Transform(IDataView input) => context.Data.ShuffleRows(input, seed: 1);
    }
}
