using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;

namespace Vtp.Tests.MLNet;

// Every Vtp estimator rejects an unusable input schema the way ML.NET's own do (ArgumentOutOfRangeException naming
// the column, the expected and the actual type), at GetOutputSchema and at Fit, before any training starts.
[TestClass]
public sealed class SchemaErrorTests
{
    private static IEnumerable<object[]> BadInputs =>
    [
        [nameof(NoVideoRow), "Could not find input column 'VideoPath' (expected String); the input has: Caption", null!],
        [nameof(VectorVideoRow), "Schema mismatch for input column 'VideoPath': expected String, got Vector<Single>", "Vector<Single, 3>"],
        [nameof(NumberCaptionRow), "Schema mismatch for input column 'Caption': expected String, got Single", null!],
    ];

    [TestMethod]
    [DynamicData(nameof(BadInputs))]
    public void Pretrain_RejectsAtGetOutputSchemaAndAtFitBeforeTraining(string row, string shapeMessage, string? fitType)
    {
        var (context, log) = LoggedContext();
        var estimator = context.Vtp().Pretrain(DemoSet.Tiny(new SimVtpPretrainEstimator.Options()));

        AssertRejected(estimator, Data(context, row), shapeMessage, fitType);
        Assert.IsFalse(log.Any(l => l.Contains("Training on")), "Fit started training: " + string.Join("\n", log));
    }

    [TestMethod]
    [DynamicData(nameof(BadInputs))]
    public void FineTune_RejectsAtGetOutputSchemaAndAtFitBeforeTraining(string row, string shapeMessage, string? fitType)
    {
        var (context, log) = LoggedContext();
        var estimator = context.Vtp().FineTune(DemoSet.Tiny(new SimVtpFineTuneEstimator.Options()));

        AssertRejected(estimator, Data(context, row), shapeMessage, fitType);
        Assert.IsFalse(log.Any(l => l.Contains("Training on")), "Fit started training: " + string.Join("\n", log));
    }

    [TestMethod]
    public void PipelineFit_ChecksTheWholeChainFirst()
    {
        var (context, log) = LoggedContext();
        var data = Data(context, nameof(NumberCaptionRow));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DemoSet.TinyPipeline(context).Fit(data));

        StringAssert.Contains(error.Message, "Schema mismatch for input column 'Caption': expected String, got Single");
        Assert.IsFalse(log.Any(l => l.Contains("Training on")));
    }

    [TestMethod]
    public void ClipBounds_MustBeSecondsNumbers()
    {
        var context = new MLContext(1);
        var options = DemoSet.Tiny(new SimVtpPretrainEstimator.Options { StartColumnName = "Start" });
        var estimator = context.Vtp().Pretrain(options);

        AssertRejected(estimator, Data(context, nameof(TextStartRow)),
            "Schema mismatch for input column 'Start': expected Single or Double (seconds), got String", null);
    }

    [TestMethod]
    public void ValidationSet_IsCheckedAtFitBeforeTraining()
    {
        var (context, log) = LoggedContext();
        var options = DemoSet.Tiny(new SimVtpFineTuneEstimator.Options { ValidationSet = Data(context, nameof(NoVideoRow)) });
        var estimator = context.Vtp().FineTune(options);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(context.Data.LoadFromEnumerable(DemoSet.Train)));

        StringAssert.Contains(error.Message, "Could not find input column 'VideoPath'");
        Assert.IsFalse(log.Any(l => l.Contains("Training on")));
    }

    [TestMethod]
    [DynamicData(nameof(BadInputs))]
    public void EmbeddingAndScoring_RejectAtGetOutputSchemaFitAndTransform(string row, string shapeMessage, string? fitType)
    {
        var context = new MLContext(1);
        var shared = DemoSet.Shared.Model;
        var data = Data(context, row);
        var embed = context.Vtp().Embed(shared.LastTransformer.Model, new SimVtpEmbeddingEstimator.Options());
        var score = context.Vtp().ScorePairs((SimVtpPretrainTransformer)shared.First());

        AssertRejected(embed, data, shapeMessage, fitType);
        AssertRejected(score, data, shapeMessage, fitType);
        var transform = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => shared.LastTransformer.Transform(data));
        StringAssert.Contains(transform.Message, fitType is null ? shapeMessage : shapeMessage.Replace("Vector<Single>", fitType));
    }

    [TestMethod]
    public void TextEmbedding_NeedsOnlyTheCaptionColumn()
    {
        var context = new MLContext(1);
        var model = DemoSet.Shared.Model.LastTransformer.Model;
        var data = Data(context, nameof(NoVideoRow));

        var shape = context.Vtp().EmbedText(model).GetOutputSchema(Shapes.Of(data.Schema));

        Assert.AreEqual("TextEmbedding", shape[^1].Name);
        var video = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Vtp().EmbedVideo(model).Fit(data));
        StringAssert.Contains(video.Message, "Could not find input column 'VideoPath'");
    }

    [TestMethod]
    public void EmptyVideoPath_IsNamedWithItsRow()
    {
        var context = new MLContext(1);
        var rows = new[] { DemoSet.Train[0], new ClipRow { VideoPath = " ", Caption = "a red circle" } };
        var estimator = context.Vtp().Pretrain(DemoSet.Tiny(new SimVtpPretrainEstimator.Options()));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => estimator.Fit(context.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Row 1: input column 'VideoPath' is empty; expected a video file path.");
    }

    private static void AssertRejected<T>(IEstimator<T> estimator, IDataView data, string shapeMessage, string? fitType) where T : ITransformer
    {
        var shape = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(Shapes.Of(data.Schema)));
        StringAssert.Contains(shape.Message, shapeMessage);
        Assert.AreEqual("inputSchema", shape.ParamName);
        var fit = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        StringAssert.Contains(fit.Message, fitType is null ? shapeMessage : shapeMessage.Replace("Vector<Single>", fitType));
    }

    private static (MLContext, List<string>) LoggedContext()
    {
        var context = new MLContext(1);
        var log = new List<string>();
        context.Log += (_, e) => log.Add(e.Message);
        return (context, log);
    }

    private static IDataView Data(MLContext context, string row) => row switch
    {
        nameof(NoVideoRow) => context.Data.LoadFromEnumerable(new[] { new NoVideoRow() }),
        nameof(VectorVideoRow) => context.Data.LoadFromEnumerable(new[] { new VectorVideoRow() }),
        nameof(NumberCaptionRow) => context.Data.LoadFromEnumerable(new[] { new NumberCaptionRow() }),
        _ => context.Data.LoadFromEnumerable(new[] { new TextStartRow() }),
    };

    public sealed class NoVideoRow
    {
        public string Caption { get; set; } = "a red circle";
    }

    public sealed class VectorVideoRow
    {
        [VectorType(3)] public float[] VideoPath { get; set; } = [1, 2, 3];
        public string Caption { get; set; } = "a red circle";
    }

    public sealed class NumberCaptionRow
    {
        public string VideoPath { get; set; } = "a.mp4";
        public float Caption { get; set; }
    }

    public sealed class TextStartRow
    {
        public string VideoPath { get; set; } = "a.mp4";
        public string Caption { get; set; } = "a red circle";
        public string Start { get; set; } = "1.5";
    }
}
