// Pretraining on the demo world: every loss falls, and MLM fills in caption words from the video (SimVTP's claim that
// the model uses the other modality): masked colour and motion words are predicted better with the video than blank.
using Vtp.Modeling;
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
    public void MaskedColourAndMotionWordsAreFilledInFromTheVideo()
    {
        var world = DemoWorld.Instance;
        using var model = PretrainedDemoModel.Instance.Load();
        var probe = new MlmProbe(model, world.Tokenizer, world.Test);
        foreach (var words in new[] { MlmProbe.Colours, MlmProbe.Directions })
        {
            var withVideo = probe.Accuracy(words, blankVideo: false);
            var blank = probe.Accuracy(words, blankVideo: true);
            TestContext.WriteLine($"{string.Join("/", words)}: {withVideo:P1} with the video, {blank:P1} with a blank video");
            Assert.IsTrue(withVideo > blank + 0.1, $"accuracy {withVideo:P1} with the video vs {blank:P1} blank");
        }
    }
}
