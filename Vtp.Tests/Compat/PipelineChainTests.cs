using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Vtp.Tests.Compat;

// ML.NET's Append chains: estimators fit in order on transformed data, schema propagation fails early, and fitted
// chains transform lazily and respect scopes.
[TestClass]
public sealed class PipelineChainTests
{
    private static IDataView Numbers(MLContext context)
        => context.Data.LoadFromEnumerable(new[] { 1f, 2f, 6f }.Select((v, i) => new NumberRow { Id = i, Value = v }).ToList());

    [TestMethod]
    public void AppendFitsEachEstimatorOnThePreviousOutput()
    {
        var context = new MLContext(1);
        var centering = new CenteringEstimator(context);
        var pipeline = context.Transforms.CopyColumns("Copy", "Value").Append(centering);

        var model = pipeline.Fit(Numbers(context));
        float[] centered = model.Transform(Numbers(context)).GetColumn<float>("Centered").ToArray();

        Assert.AreEqual(3f, centering.LearnedMean);
        CollectionAssert.AreEqual(new[] { -2f, -1f, 3f }, centered);
        Assert.IsInstanceOfType<CustomMappingTransformer<CenteringEstimator.Input, CenteringEstimator.Output>>(model.LastTransformer);
        Assert.AreSame(centering, pipeline.LastEstimator);
        Assert.AreEqual(2, model.Count());
    }

    [TestMethod]
    public void OutputSchemaShapeCombinesEstimators()
    {
        var context = new MLContext(1);
        var pipeline = context.Transforms.CopyColumns("Copy", "Value").Append(new CenteringEstimator(context));

        var shape = pipeline.GetOutputSchema(SchemaShapeFactory.FromSchema(Numbers(context).Schema));

        CollectionAssert.AreEquivalent(new[] { "Id", "Value", "Copy", "Centered" }, shape.Select(c => c.Name).ToArray());
        Assert.AreEqual(NumberDataViewType.Single, shape.Single(c => c.Name == "Copy").ItemType);
    }

    [TestMethod]
    public void MissingInputColumnFailsBeforeAnyEstimatorIsFitted()
    {
        var context = new MLContext(1);
        var centering = new CenteringEstimator(context);
        var pipeline = context.Transforms.CopyColumns("Other", "Value").Append(centering);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pipeline.Fit(Numbers(context)));
        StringAssert.Contains(error.Message, "Copy");
        Assert.AreEqual(0, centering.TrainingRows);
    }

    [TestMethod]
    public void TransformIsLazyAndAppendedColumnsHideInputsOfTheSameName()
    {
        var context = new MLContext(1);
        int produced = 0;
        var source = context.Data.LoadFromEnumerable(Enumerable.Range(0, 3).Select(i =>
        {
            produced++;
            return new NumberRow { Id = i, Value = i };
        }));
        var model = context.Transforms.CopyColumns("Value", "Id").Fit(source);

        var output = model.Transform(source);

        Assert.AreEqual(0, produced);
        Assert.AreEqual(3, output.Schema.Count);
        Assert.IsTrue(output.Schema[1].IsHidden);
        Assert.AreEqual(NumberDataViewType.Int32, output.Schema["Value"].Type);
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, output.GetColumn<int>("Value").ToArray());
    }

    [TestMethod]
    public void TransformerChainAppliesOnlyTransformersInScope()
    {
        var context = new MLContext(1);
        var data = Numbers(context);
        var copy = context.Transforms.CopyColumns("Copy", "Value").Fit(data);
        var chain = new TransformerChain<ITransformer>(new ITransformer[] { copy }, new[] { TransformerScope.Training });

        Assert.IsNotNull(chain.Transform(data, TransformerScope.Training).Schema.GetColumnOrNull("Copy"));
        Assert.IsNull(chain.Transform(data, TransformerScope.Scoring).Schema.GetColumnOrNull("Copy"));
        Assert.AreEqual(0, chain.GetModelFor(TransformerScope.Scoring).Count());
    }

    [TestMethod]
    public void TransformerAppendAndEmptyChains()
    {
        var context = new MLContext(1);
        var data = Numbers(context);
        var first = context.Transforms.CopyColumns("A", "Value").Fit(data);
        var second = context.Transforms.CopyColumns("B", "A").Fit(first.Transform(data));

        var chain = first.Append(second);
        var empty = new EstimatorChain<ITransformer>().Fit(data);

        Assert.AreSame(second, chain.LastTransformer);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 6f }, chain.Transform(data).GetColumn<float>("B").ToArray());
        Assert.IsNull(empty.LastTransformer);
        Assert.AreSame(data, empty.Transform(data));
    }

    [TestMethod]
    public void DisposingAChainDisposesItsTransformers()
    {
        var disposable = new DisposableTransformer();
        var chain = new TransformerChain<DisposableTransformer>(disposable);

        chain.Dispose();

        Assert.IsTrue(disposable.Disposed);
    }

    private sealed class DisposableTransformer : ITransformer, IDisposable
    {
        public bool Disposed { get; private set; }
        public bool IsRowToRowMapper => false;
        public void Dispose() => Disposed = true;
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;
        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => throw new NotSupportedException();
        public void Save(ModelSaveContext ctx) => throw new NotSupportedException();
        public IDataView Transform(IDataView input) => input;
    }
}
