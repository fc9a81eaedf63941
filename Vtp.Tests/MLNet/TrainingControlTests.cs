using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Tests.Video;
using Vtp.Training;

namespace Vtp.Tests.MLNet;

// What a user sees and controls while an estimator trains: log lines in MLContext.Log, progress, validation per
// epoch, cancellation, option checks and option copying.
[TestClass]
public sealed class TrainingControlTests
{
    [TestMethod]
    public void ProgressLines_ReachTheContextLog()
    {
        var log = DemoSet.Shared.Log;

        var pretrain = log.Where(l => l.StartsWith("[Source=SimVtpPretrain, Kind=Info]", StringComparison.Ordinal)).ToList();
        var fineTune = log.Where(l => l.StartsWith("[Source=SimVtpFineTune, Kind=Info]", StringComparison.Ordinal)).ToList();

        Assert.IsTrue(pretrain.Any(l => l.Contains("Training on 64 clips") && l.Contains("16 steps per epoch")), string.Join("\n", pretrain));
        Assert.IsTrue(pretrain.Any(l => l.EndsWith("Starting epoch 1 of 1")), string.Join("\n", pretrain));
        var step = pretrain.Single(l => l.Contains("Step 2/2 (epoch 1): loss total "));
        foreach (var part in new[] { " pix ", " mlm ", " vtc ", " vtm ", "; lr ", " clips/s; ETA 00:00:00" })
            StringAssert.Contains(step, part);
        Assert.IsTrue(fineTune.Any(l => l.Contains("Step 1/2 (epoch 1): loss retrieval ")), string.Join("\n", fineTune));
        Assert.IsTrue(fineTune.Any(l => l.Contains("Finished: 2 steps")), string.Join("\n", fineTune));
    }

    [TestMethod]
    [DoNotParallelize]
    public void Cancellation_StopsWithinOneStepAndLeavesNoFfmpeg()
    {
        var context = new MLContext(1);
        var log = new List<string>();
        context.Log += (_, e) => log.Add(e.Message);
        using var cancel = new CancellationTokenSource();
        var steps = new List<long>();
        var options = DemoSet.Tiny(new SimVtpPretrainEstimator.Options(), maxSteps: 50);
        options.CancellationToken = cancel.Token;
        options.Progress = new Synchronous(p =>
        {
            steps.Add(p.Step);
            cancel.Cancel();
        });
        var estimator = context.Vtp().Pretrain(options);

        Assert.ThrowsExactly<OperationCanceledException>(() => estimator.Fit(context.Data.LoadFromEnumerable(DemoSet.Train)));

        CollectionAssert.AreEqual(new[] { 1L }, steps);
        CollectionAssert.AreEqual(Array.Empty<int>(), TestMedia.FfmpegChildrenAfterSettling());
        Assert.IsTrue(log.Any(l => l.Contains("Kind=Warning] Training cancelled after 1 completed step(s).")), string.Join("\n", log));
    }

    [TestMethod]
    public void ValidationSet_IsScoredAfterEveryEpochWithTheEvaluatorsMetrics()
    {
        var context = new MLContext(1);
        var log = new List<string>();
        context.Log += (_, e) => log.Add(e.Message);
        var validation = context.Data.LoadFromEnumerable(DemoSet.Test.Take(6));
        var options = DemoSet.Tiny(new SimVtpFineTuneEstimator.Options { Epochs = 2, ValidationSet = validation }, maxSteps: 10);

        using var model = context.Vtp().FineTune(options).Fit(context.Data.LoadFromEnumerable(DemoSet.Train.Take(8)));

        CollectionAssert.AreEqual(new[] { (1, 2L), (2, 4L) }, model.Validation.Select(v => (v.Epoch, v.Step)).ToArray());
        var output = model.Transform(validation);
        Assert.AreEqual(VtpRetrievalEvaluator.Evaluate(output, groupColumnName: "VideoPath"), model.Validation[^1].Metrics);
        Assert.IsTrue(log.Any(l => l.Contains("Validation after epoch 1 (step 2): t2v R@1 ")), string.Join("\n", log));
        Assert.IsTrue(log.Any(l => l.EndsWith("Starting epoch 2 of 2")), string.Join("\n", log));
    }

    [TestMethod]
    public void PretrainingValidation_ScoresZeroShotRetrievalAtTheEnd()
    {
        var context = new MLContext(1);
        var options = DemoSet.Tiny(new SimVtpPretrainEstimator.Options
        {
            ValidationSet = context.Data.LoadFromEnumerable(DemoSet.Test.Take(4)), ValidateEveryEpoch = false,
        }, maxSteps: 1);

        using var model = context.Vtp().Pretrain(options).Fit(context.Data.LoadFromEnumerable(DemoSet.Train.Take(8)));

        var result = model.Validation.Single();
        Assert.AreEqual((1, 1L, 4, 4), (result.Epoch, result.Step, result.Metrics.TextCount, result.Metrics.VideoCount));
    }

    [TestMethod]
    public void FineTuning_FromAnUnfittedPretrainingEstimator_SaysSo()
    {
        var context = new MLContext(1);
        var pretrain = context.Vtp().Pretrain(DemoSet.Tiny(new SimVtpPretrainEstimator.Options()));
        var options = DemoSet.Tiny(new SimVtpFineTuneEstimator.Options { Pretrained = pretrain });
        options.Config = null;

        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            context.Vtp().FineTune(options).Fit(context.Data.LoadFromEnumerable(DemoSet.Train)));

        StringAssert.Contains(error.Message, "has not been fitted");
    }

    [TestMethod]
    public void InvalidOptions_AreRejectedWhenTheEstimatorIsCreated()
    {
        var context = new MLContext(1);
        SimVtpPretrainEstimator Pretrain(Action<SimVtpPretrainEstimator.Options> change)
        {
            var options = new SimVtpPretrainEstimator.Options();
            change(options);
            return context.Vtp().Pretrain(options);
        }

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Pretrain(o => o.BatchSize = 1)).Message, "BatchSize must be at least 2");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Pretrain(o => o.Preset = "huge")).Message, "presets: base, small, parity, tiny");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Pretrain(o => o.LogEverySteps = 0)).Message, "LogEverySteps must be at least 1, got 0");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Pretrain(o => o.Config = Vtp.Modeling.SimVtpConfig.Tiny with { VocabSize = 500 })).Message,
            "vocab_size 500 cannot hold the bert-base-uncased vocabulary");
        var both = new SimVtpFineTuneEstimator.Options { Config = Vtp.Modeling.SimVtpConfig.Tiny, Pretrained = Pretrain(_ => { }) };
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => context.Vtp().FineTune(both)).Message, "not both");
    }

    [TestMethod]
    public void Estimator_CopiesItsOptions()
    {
        var context = new MLContext(1);
        var options = new SimVtpFineTuneEstimator.Options();
        var estimator = context.Vtp().FineTune(options);

        options.VideoColumnName = "Elsewhere";
        options.TextEmbeddingColumnName = "Other";
        var shape = estimator.GetOutputSchema(Shapes.Of(context.Data.LoadFromEnumerable(DemoSet.Train).Schema));

        CollectionAssert.AreEqual(new[] { "VideoPath", "Caption", "VideoEmbedding", "TextEmbedding" }, shape.Select(c => c.Name).ToArray());
    }

    private sealed class Synchronous(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
