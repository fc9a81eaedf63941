using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;
using Vtp.Retrieval;

namespace Vtp.Tests.MLNet;

// The SimVTP estimators in ordinary ML.NET pipelines: enumerable and text-file input, Fit, lazy Transform, typed
// output, next to ML.NET's own transforms, Preview and prediction engines.
[TestClass]
public sealed class PipelineTests
{
    [TestMethod]
    public void PretrainThenFineTune_FromEnumerable_GivesUnitEmbeddingsOfTheModelWidth()
    {
        var shared = DemoSet.Shared;
        var schema = shared.Model.GetOutputSchema(shared.Context.Data.LoadFromEnumerable(DemoSet.Test).Schema);

        var rows = DemoSet.SharedTestOutput;

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 64), schema["VideoEmbedding"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 64), schema["TextEmbedding"].Type);
        CollectionAssert.AreEqual(DemoSet.Test.Select(r => r.Caption).ToArray(), rows.Select(r => r.Caption).ToArray());
        foreach (var row in rows)
        {
            Assert.AreEqual(64, row.VideoEmbedding.Length);
            Assert.AreEqual(64, row.TextEmbedding.Length);
            Assert.AreEqual(1.0, Norm(row.VideoEmbedding), 1e-5, row.VideoPath);
            Assert.AreEqual(1.0, Norm(row.TextEmbedding), 1e-5, row.Caption);
        }
        Assert.IsInstanceOfType<SimVtpPretrainTransformer>(shared.Model.First());
        Assert.AreEqual(2L, shared.Model.LastTransformer.Training!.Steps);
    }

    [TestMethod]
    public void Embeddings_AreThoseOfTheModelLayerEmbedder()
    {
        var model = DemoSet.Shared.Model.LastTransformer.Model;
        var firstBatch = DemoSet.Summary.Test.Take(8).Select(c => new Vtp.Data.VideoTextSample(c.VideoPath, c.Caption)).ToList();

        var embedder = new SimVtpEmbedder(model.Encoder, model.Tokenizer, batchSize: 8);
        var videos = embedder.EmbedVideos(firstBatch);
        var texts = embedder.EmbedTexts(firstBatch.Select(s => s.Caption).ToList());

        for (int i = 0; i < firstBatch.Count; i++)
        {
            CollectionAssert.AreEqual(videos[i], DemoSet.SharedTestOutput[i].VideoEmbedding, $"video of row {i}");
            CollectionAssert.AreEqual(texts[i], DemoSet.SharedTestOutput[i].TextEmbedding, $"caption of row {i}");
        }
    }

    [TestMethod]
    public void TextFileInput_FitsTheSameModelAsEnumerableInput()
    {
        var context = new MLContext(1);
        var file = context.Data.LoadFromTextFile<CsvClipRow>(DemoSet.Summary.TrainCsv, separatorChar: ',', hasHeader: true, allowQuoting: true);
        var folder = Path.GetDirectoryName(DemoSet.Summary.TrainCsv)!;

        using var fromFile = (SimVtpEmbeddingTransformer)DemoSet.TinyPipeline(context, folder).Fit(file).LastTransformer;

        var test = DemoSet.Test.Take(6).ToList();
        var shared = DemoSet.Shared.Model.LastTransformer;
        CollectionAssert.AreEqual(shared.EmbedTexts(test.Select(r => r.Caption).ToList()).SelectMany(v => v).ToArray(),
            fromFile.EmbedTexts(test.Select(r => r.Caption).ToList()).SelectMany(v => v).ToArray(), "same rows, same seed: same weights");
        var relative = test.Select(r => Path.GetRelativePath(folder, r.VideoPath)).ToList();
        CollectionAssert.AreEqual(shared.EmbedVideos(test.Select(r => r.VideoPath).ToList()).SelectMany(v => v).ToArray(),
            fromFile.EmbedVideos(relative).SelectMany(v => v).ToArray(), "relative paths resolve against VideoFolder");
    }

    [TestMethod]
    public void AppendedBuiltInTransforms_SeeTheEmbeddingColumns()
    {
        var shared = DemoSet.Shared;
        var context = shared.Context;
        var data = context.Data.LoadFromEnumerable(DemoSet.Test.Take(5));
        var next = context.Transforms.CopyColumns("Query", "TextEmbedding")
            .Append(context.Transforms.CustomMapping<EmbeddedRow, Similarity>((row, result) => result.Cosine = Dot(row.VideoEmbedding, row.TextEmbedding), null));

        var output = next.Fit(shared.Model.Transform(data)).Transform(shared.Model.Transform(data));

        var rows = context.Data.CreateEnumerable<EmbeddedRow>(shared.Model.Transform(data), reuseRowObject: false).ToList();
        var copies = output.GetColumn<float[]>("Query").ToList();
        var cosines = output.GetColumn<float>("Cosine").ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            CollectionAssert.AreEqual(rows[i].TextEmbedding, copies[i]);
            Assert.AreEqual(Dot(rows[i].VideoEmbedding, rows[i].TextEmbedding), cosines[i], 1e-6);
        }
    }

    [TestMethod]
    public void Preview_ShowsTheEmbeddingColumns()
    {
        var shared = DemoSet.Shared;
        var preview = shared.Model.Preview(shared.Context.Data.LoadFromEnumerable(DemoSet.Test), maxRows: 3);

        Assert.AreEqual(3, preview.RowView.Length);
        var embeddings = preview.ColumnView.Single(c => c.Column.Name == "VideoEmbedding").Values;
        Assert.AreEqual(3, embeddings.Length);
        Assert.AreEqual(64, ((VBuffer<float>)embeddings[0]).Length);
    }

    [TestMethod]
    public void PredictionEngine_EmbedsOneRowAsTheBatchedViewDoes()
    {
        var shared = DemoSet.Shared;
        // Not disposed: disposing an engine disposes its transformer, here the shared chain (see PackageTests).
        var engine = shared.Context.Model.CreatePredictionEngine<ClipRow, EmbeddedRow>(shared.Model);
        var batched = shared.Context.Data.CreateEnumerable<EmbeddedRow>(
            shared.Model.Transform(shared.Context.Data.LoadFromEnumerable(DemoSet.Test.Take(2))), reuseRowObject: false).ToList();

        var first = engine.Predict(DemoSet.Test[0]);
        var second = engine.Predict(DemoSet.Test[1]);

        AssertClose(batched[0].VideoEmbedding, first.VideoEmbedding);
        AssertClose(batched[0].TextEmbedding, first.TextEmbedding);
        AssertClose(batched[1].VideoEmbedding, second.VideoEmbedding);
        AssertClose(batched[1].TextEmbedding, second.TextEmbedding);
    }

    [TestMethod]
    public void Evaluator_ScoresTheHeldOutOutput()
    {
        var output = DemoSet.Shared.Context.Data.LoadFromEnumerable(DemoSet.SharedTestOutput);

        var metrics = VtpRetrievalEvaluator.Evaluate(output, groupColumnName: "VideoPath");

        // Oracle: the model layer's metrics of the plain dot-product matrix (the embeddings are unit vectors).
        var rows = DemoSet.SharedTestOutput;
        var similarity = rows.SelectMany(t => rows.Select(v => Dot(t.TextEmbedding, v.VideoEmbedding))).ToArray();
        var expected = Vtp.Modeling.RetrievalMetrics.Compute(similarity, rows.Count, rows.Count);
        Assert.AreEqual((24, 24), (metrics.TextCount, metrics.VideoCount));
        Assert.AreEqual(expected.TextToVideo, metrics.TextToVideo);
        Assert.AreEqual(expected.VideoToText, metrics.VideoToText);
    }

    internal static void AssertClose(float[] expected, float[] actual)
    {
        Assert.AreEqual(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-5, $"element {i}");
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));
}
