// Fine-tuning learns retrieval on the demo world: held-out attribute combinations, strict R@1 well above chance.
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Tests.Learning;

[TestClass]
public sealed class FineTuneLearningTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void FineTuningRetrievesHeldOutCombinations()
    {
        var world = DemoWorld.Instance;
        manual_seed(0);
        using var model = new DualEncoder(world.Config, new DualEncoderOptions { DropPathRate = 0.0 });
        var options = TrainingOptions.FineTuning with
        {
            BatchSize = 32, Epochs = 8, BaseLearningRate = 8e-3, BaseMinLearningRate = 8e-5, WeightDecay = 0.05, Seed = 3, ReuseClips = true,
        };
        var run = SimVtpFineTuning.Run(model, world.Tokenizer, world.Train, options,
            progress: new Progress<TrainingProgress>(p => TestContext.WriteLine(p.ToString())));
        var embedder = new SimVtpEmbedder(model, world.Tokenizer);
        var videos = embedder.EmbedVideos(world.Test);
        var texts = embedder.EmbedTexts(world.Test.Select(s => s.Caption).ToList());
        var similarity = new float[texts.Length * videos.Length];
        for (int t = 0; t < texts.Length; t++)
            for (int v = 0; v < videos.Length; v++)
                similarity[t * videos.Length + v] = System.Numerics.Tensors.TensorPrimitives.Dot<float>(texts[t], videos[v]);
        var report = RetrievalMetrics.Compute(similarity, texts.Length, videos.Length);
        TestContext.WriteLine($"steps {run.Steps}: {report}");
        Assert.IsTrue(report.TextToVideo.R1 >= 10 * 100.0 / videos.Length, $"t2v R@1 {report.TextToVideo.R1:F1}% is below 10x chance");
    }
}
