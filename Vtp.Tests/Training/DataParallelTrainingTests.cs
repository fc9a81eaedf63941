// Data-parallel pretraining (ranks as threads over loopback) against one process with the whole batch: the same
// weights after k steps, and the same losses.
using Vtp.Data;
using Vtp.Distributed;
using Vtp.Modeling;
using Vtp.Tests.Distributed;
using Vtp.Tests.Learning;
using Vtp.Training;
using TorchSharp;
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

    private static readonly SimVtpConfig Config = DemoWorld.Instance.Config with { TextDropout = 0 };  // no dropout draws to align

    // Captions of one token length, so that padding (which mean pooling counts) is the same in every batch layout.
    private static readonly Lazy<List<VideoTextSample>> Samples = new(() => DemoWorld.Instance.Train
        .GroupBy(s => DemoWorld.Instance.Tokenizer.Encode([s.Caption], Config.MaxPositionEmbeddings).Length).MaxBy(g => g.Count())!.Take(32).ToList());

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void Pretraining_TwoRanksOfBatchB_GiveTheWeightsOfOneProcessOfBatch2B() =>
        AssertRanksMatchOneProcess(Pretrain, ["pix", "vtc"]);

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void FineTuning_TwoRanksOfBatchB_GiveTheWeightsOfOneProcessOfBatch2B() =>
        AssertRanksMatchOneProcess(FineTune, ["retrieval"]);

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void Pretraining_WithPerRankNegatives_DiffersFromOneProcess_SoTheComparisonCanTell()
    {
        var single = Pretrain(Options(8), initSeed: 3);
        var ranks = OnTwoRanks(Pretrain, gatherNegatives: false);
        var worst = single.Weights.Keys.Max(name =>
            Distance(ranks[0].Weights[name], single.Weights[name]) / (Distance(single.Weights[name], single.Initial[name]) + 1e-7));
        Assert.IsTrue(worst > 1e-3, $"without gathered negatives VTC sees other negatives, so some weight must move otherwise (worst relative gap {worst:E2})");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void RanksWithDifferentModelsAreRefusedOnEveryRank()
    {
        var port = RankThreads.FreePort();
        var outcomes = Enumerable.Range(0, 2).Select(rank => Task.Run(() =>
        {
            using var group = GlooCollectives.Join(RankThreads.Options(rank, 2, port, timeoutSeconds: 60));
            using var model = new SimVtpPretrainModel(Config with { EncoderDepth = 1 + rank }, ModelOptions);
            return Assert.ThrowsExactly<InvalidOperationException>(() =>
                SimVtpPretraining.Run(model, DemoWorld.Instance.Tokenizer, Samples.Value, Options(4) with { Collectives = group })).Message;
        })).ToArray();
        Task.WaitAll(outcomes);
        foreach (var message in outcomes.Select(o => o.Result)) StringAssert.Contains(message, "The ranks hold different models");
    }

    private delegate Run Trainer(TrainingOptions options, long initSeed);

    private sealed record Run(Dictionary<string, float[]> Initial, Dictionary<string, float[]> Weights, List<IReadOnlyDictionary<string, double>> Losses);

    private static void AssertRanksMatchOneProcess(Trainer train, string[] parts)
    {
        Assert.HasCount(32, Samples.Value);
        var single = train(Options(8), initSeed: 3);
        var ranks = OnTwoRanks(train, gatherNegatives: true);
        foreach (var (name, expected) in single.Weights)
        {
            var (zero, one) = (ranks[0].Weights[name], ranks[1].Weights[name]);
            CollectionAssert.AreEqual(zero, one, $"{name}: the ranks hold identical weights");
            // Float32 sums in another order shift the updates by rounding; a wrong gradient moves them by their own size.
            var moved = Distance(expected, single.Initial[name]);
            Assert.IsTrue(Distance(zero, expected) <= 1e-3 * moved + 1e-7,
                $"{name}: the ranks' weights differ from one process's by {Distance(zero, expected):E2} after {Steps} steps that moved them {moved:E2}");
        }
        for (int step = 0; step < Steps; step++)
            foreach (var part in parts)
                Assert.AreEqual(single.Losses[step][part], ranks[0].Losses[step][part], 1e-5 * Math.Abs(single.Losses[step][part]),
                    $"step {step + 1} {part}: the ranks' mean equals the whole batch's loss");
    }

    // Two ranks of batch 4 over Gloo; rank 1 starts from other weights (rank 0's are broadcast).
    private static Run[] OnTwoRanks(Trainer train, bool gatherNegatives)
    {
        var port = RankThreads.FreePort();
        var ranks = Enumerable.Range(0, 2).Select(rank => Task.Run(() =>
        {
            using var group = GlooCollectives.Join(RankThreads.Options(rank, 2, port, timeoutSeconds: 60));
            return train(Options(4) with { Collectives = group, GatherNegatives = gatherNegatives }, initSeed: 3 + 100 * rank);
        })).ToArray();
        Task.WaitAll(ranks);
        return ranks.Select(r => r.Result).ToArray();
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());

    private static Run Pretrain(TrainingOptions options, long initSeed)
    {
        using var model = new SimVtpPretrainModel(Config, ModelOptions with { InitSeed = initSeed });
        return Record(model, progress => SimVtpPretraining.Run(model, DemoWorld.Instance.Tokenizer, Samples.Value, options, progress: progress));
    }

    private static Run FineTune(TrainingOptions options, long initSeed)
    {
        using var model = new DualEncoder(Config, new DualEncoderOptions { DropPathRate = 0, InitSeed = initSeed });
        return Record(model, progress => SimVtpFineTuning.Run(model, DemoWorld.Instance.Tokenizer, Samples.Value, options, progress: progress));
    }

    private static Run Record(nn.Module model, Action<IProgress<TrainingProgress>> train)
    {
        using var scope = NewDisposeScope();
        var initial = Weights(model);
        var losses = new List<IReadOnlyDictionary<string, double>>();
        train(new SynchronousProgress<TrainingProgress>(p => losses.Add(p.Losses)));
        return new Run(initial, Weights(model), losses);
    }

    private static Dictionary<string, float[]> Weights(nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.to(ScalarType.Float32).data<float>().ToArray());
}
