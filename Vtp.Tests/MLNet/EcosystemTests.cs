using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using Vtp.MLNet;
using Vtp.Samples.Data;

namespace Vtp.Tests.MLNet;

// Vtp's columns in pipelines with ML.NET's own components (Microsoft.ML 6.0.0): the annotation CSV through
// LoadFromTextFile, the video embedding feeding ML.NET's SdcaMaximumEntropy trainer and its evaluator, Preview, a
// prediction engine over text embeddings, and ML.NET text transforms in front of Vtp's caption input.
[TestClass]
public sealed class EcosystemTests
{
    private static SimVtpRetrievalModel Model => DemoSet.Shared.Model.LastTransformer.Model;

    [TestMethod]
    public void VideoEmbedding_FeedsSdcaMaximumEntropy_WhichTellsTheColourWellAboveChance()
    {
        var context = new MLContext(1);
        var embed = new SimVtpEmbeddingEstimator.Options
        {
            VideoEmbeddingColumnName = "Features", TextEmbeddingColumnName = null, StartColumnName = "Start", EndColumnName = "End",
            VideoFolder = Path.GetDirectoryName(DemoSet.Summary.TrainCsv),
        };
        var pipeline = context.Transforms.DemoColour()
            .Append(context.Transforms.Conversion.MapValueToKey("Label", "Colour"))
            .Append(context.Vtp().Embed(Model, embed))
            .AppendCacheCheckpoint(context)
            .Append(Sdca(context));

        var classifier = pipeline.Fit(AnnotationCsv.Load(context, DemoSet.Summary.TrainCsv));
        var test = AnnotationCsv.Load(context, DemoSet.Summary.TestCsv);
        var metrics = context.MulticlassClassification.Evaluate(classifier.Transform(test));
        var preview = classifier.Preview(test, maxRows: 3);

        // Always answering the commonest held-out colour (10 of 24 clips, 5 colours) scores micro (commonest share), macro 0.2.
        var colours = DemoSet.Summary.Test.Select(c => c.Objects[0].Colour.ToString()).ToList();
        var commonest = colours.GroupBy(c => c).Max(g => g.Count()) / (double)colours.Count;
        Assert.IsGreaterThanOrEqualTo(commonest + 0.15, metrics.MicroAccuracy, $"micro accuracy {metrics.MicroAccuracy:F3}, commonest colour {commonest:F3}");
        Assert.IsGreaterThanOrEqualTo(0.5, metrics.MacroAccuracy, $"macro accuracy {metrics.MacroAccuracy:F3}, chance 0.2");
        CollectionAssert.AreEqual(colours.Take(3).ToArray(), preview.ColumnView.Single(c => c.Column.Name == "Colour").Values.Select(v => v.ToString()).ToArray());
        Assert.AreEqual(64, ((VBuffer<float>)preview.ColumnView.Single(c => c.Column.Name == "Features").Values[0]).Length);
    }

    [TestMethod]
    public void PredictionEngine_OverTextEmbeddings_TellsTheColourOfEachHeldOutCaption()
    {
        var context = new MLContext(1);
        // One caption per batch, as the engine embeds them: SimVTP's caption feature averages over the batch's padding.
        var embed = new SimVtpEmbeddingEstimator.Options { TextEmbeddingColumnName = "Features", VideoEmbeddingColumnName = null, BatchSize = 1 };
        var classifier = context.Transforms.DemoColour()
            .Append(context.Transforms.Conversion.MapValueToKey("Label", "Colour"))
            .Append(context.Vtp().Embed(Model, embed))
            .Append(Sdca(context))
            .Append(context.Transforms.Conversion.MapKeyToValue("PredictedColour", "PredictedLabel"))
            .Fit(AnnotationCsv.Load(context, DemoSet.Summary.TrainCsv));

        using var engine = context.Model.CreatePredictionEngine<CaptionText, ColourPrediction>(classifier);
        var test = DemoSet.Summary.Test;
        var predicted = test.Select(c => engine.Predict(new CaptionText { Caption = c.Caption }).PredictedColour).ToList();

        var correct = predicted.Where((colour, i) => colour == test[i].Objects[0].Colour.ToString()).Count();
        var commonest = test.GroupBy(c => c.Objects[0].Colour).Max(g => g.Count());
        Assert.IsGreaterThanOrEqualTo(commonest + 4, correct, $"{correct} of {test.Count} right; the commonest colour covers {commonest}: {string.Join(", ", predicted)}");
        Assert.IsTrue(predicted.All(p => Enum.TryParse<Vtp.Samples.DemoData.DemoColour>(p, out _)), string.Join(", ", predicted));
    }

    [TestMethod]
    public void MlNetTextTransforms_FeedTheCaptionColumn_AndTheirShapesAreCheckedBeforeFitting()
    {
        var context = new MLContext(1);
        var rows = DemoSet.Test.Take(4).ToList();
        var data = context.Data.LoadFromEnumerable(rows);

        var upper = context.Transforms.Text.NormalizeText("Caption", caseMode: TextNormalizingEstimator.CaseMode.Upper)
            .Append(context.Vtp().EmbedText(Model)).Fit(data).Transform(data);
        var words = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            context.Transforms.Text.TokenizeIntoWords("Caption").Append(context.Vtp().EmbedText(Model)).Fit(data));

        // Vtp's BERT tokenizer is uncased: the upper-cased captions embed exactly as the originals (one batch of 4 each).
        CollectionAssert.AreEqual(Model.EmbedTexts(rows.Select(r => r.Caption).ToList(), 4).SelectMany(v => v).ToArray(),
            upper.GetColumn<float[]>("TextEmbedding").SelectMany(v => v).ToArray());
        StringAssert.Contains(words.Message, "Schema mismatch for input column 'Caption': expected String, got VarVector<String>");
    }

    // One thread: SDCA's result then depends only on the data and the MLContext's seed.
    private static SdcaMaximumEntropyMulticlassTrainer Sdca(MLContext context) =>
        context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 });
}
