// Data-parallel pretraining (ranks as threads over loopback) against one process with the whole batch: the same
// weights after k steps, and the same losses.
using Vtp.Data;
using Vtp.Distributed;
using Vtp.Modeling;
using Vtp.Tests.Distributed;
using Vtp.Tests.Learning;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Tests.Training;

[TestClass]
public sealed class DataParallelTrainingTests
{
    private const int Steps = 3;

    // Pixels and VTC: both are exact over the global batch when VTC gathers the features (MLM's per-rank token means and
    // VTM's per-rank negatives are the official per-rank losses, so they are left out of the comparison).
    private static readonly SimVtpPretrainOptions ModelOptions = new() { LossWeights = new(Pix: 1, Mlm: 0, Vtc: 1, Vtm: 0) };

    private static TrainingOptions Options(int batch) => TrainingOptions.Pretraining with
    {
        BatchSize = batch, MaxSteps = Steps, BaseLearningRate = 8e-3, WarmupFraction = 0, Seed = 11, ReuseClips = true, DecodeWorkers = 1,
    };

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void TwoRanksOfBatchB_GiveTheWeightsOfOneProcessOfBatch2B()
    {
        var world = DemoWorld.Instance;
        var config = world.Config with { TextDropout = 0 };                                 // no dropout draws to align
        // captions of one token length, so that padding (which mean pooling counts) is the same in every batch layout
        var samples = world.Train.GroupBy(s => world.Tokenizer.Encode([s.Caption], config.MaxPositionEmbeddings).Length)
            .MaxBy(g => g.Count())!.Take(32).ToList();
        Assert.HasCount(32, samples);

        var (single, singleLosses) = Train(config, samples, Options(8), initSeed: 3);
        var port = RankThreads.FreePort();
        var ranks = Enumerable.Range(0, 2).Select(rank => Task.Run(() => Train(config, samples, Options(4) with
        {
            Distributed = RankThreads.Options(rank, 2, port, timeoutSeconds: 60), GatherNegatives = true,
        }, initSeed: 3 + 100 * rank))).ToArray();                                           // rank 1 starts elsewhere: rank 0's weights are broadcast
        Task.WaitAll(ranks);

        foreach (var (name, expected) in single)
        {
            var (zero, one) = (ranks[0].Result.Weights[name], ranks[1].Result.Weights[name]);
            CollectionAssert.AreEqual(zero, one, $"{name}: the ranks hold identical weights");
            for (int i = 0; i < expected.Length; i++)
                Assert.AreEqual(expected[i], zero[i], 2e-5 + 2e-4 * Math.Abs(expected[i]), $"{name}[{i}] after {Steps} steps");
        }
        for (int step = 0; step < Steps; step++)
            foreach (var part in new[] { "pix", "vtc" })
                Assert.AreEqual(singleLosses[step][part], ranks[0].Result.Losses[step][part], 1e-5 * Math.Abs(singleLosses[step][part]),
                    $"step {step + 1} {part}: the ranks' mean equals the whole batch's loss");
    }

    private static (Dictionary<string, float[]> Weights, List<IReadOnlyDictionary<string, double>> Losses) Train(
        SimVtpConfig config, IReadOnlyList<VideoTextSample> samples, TrainingOptions options, long initSeed)
    {
        using var scope = NewDisposeScope();
        using var model = new SimVtpPretrainModel(config, ModelOptions with { InitSeed = initSeed });
        var losses = new List<IReadOnlyDictionary<string, double>>();
        SimVtpPretraining.Run(model, DemoWorld.Instance.Tokenizer, samples, options,
            progress: new SynchronousProgress<TrainingProgress>(p => losses.Add(p.Losses)));
        var weights = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.to(ScalarType.Float32).data<float>().ToArray());
        return (weights, losses);
    }
}
