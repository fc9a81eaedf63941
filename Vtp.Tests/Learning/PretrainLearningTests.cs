// Pretraining on the demo world: every loss falls, and MLM fills in colour words from the video (SimVTP's claim that
// the model uses the other modality). Motion words are measured and reported, but at this budget they are not
// grounded (as docs/benchmarks.md records), so only colour is asserted.
using Vtp.Modeling;
using Vtp.Samples.Ablation;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Tests.Learning;

[TestClass]
public sealed class PretrainLearningTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void EveryLossFalls()
    {
        var history = PretrainedDemoModel.Instance.History;
        foreach (var part in new[] { "pix", "mlm", "vtc", "vtm", "total" })
        {
            var first = history.Take(10).Average(p => p.Losses[part]);
            var last = history.TakeLast(10).Average(p => p.Losses[part]);
            TestContext.WriteLine($"{part}: first 10 steps {first:F4}, last 10 steps {last:F4}");
            Assert.IsTrue(last < first, $"{part} loss went from {first:F4} to {last:F4}");
        }
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void MaskedColourWordsAreFilledInFromTheVideo()
    {
        var world = DemoWorld.Instance;
        using var model = PretrainedDemoModel.Instance.Load();
        var clips = new VideoLoader(world.Test, new VideoLoaderOptions
        {
            Sampling = new ClipSamplingOptions
            {
                Temporal = TemporalSampling.Pretraining, NumFrames = model.Config.NumFrames, Spatial = SpatialSampling.CenterCrop, Size = model.Config.ImageSize,
            },
        }).ReadEpoch().ToList();
        var probe = new MlmWordProbe(model, world.Tokenizer, clips);
        var results = new[] { MlmWordProbe.Colours, MlmWordProbe.Directions }
            .Select(words => (words, video: probe.Accuracy(words, blankVideo: false), blank: probe.Accuracy(words, blankVideo: true))).ToList();
        foreach (var (words, video, blank) in results)
            TestContext.WriteLine($"{string.Join("/", words)}: {video:P1} with the video, {blank:P1} with a blank video");
        var (_, colourWithVideo, colourBlank) = results[0];
        Assert.IsTrue(colourWithVideo > colourBlank + 0.08, $"colour accuracy {colourWithVideo:P1} with the video vs {colourBlank:P1} blank");
    }
}
