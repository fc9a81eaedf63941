// The differentiable all-gather against the single-process autograd gradient of a NormSoftmax contrastive loss over
// the concatenated batch (the VTC loss with the other ranks' pairs as extra negatives).
using Vtp.Collectives;
using Vtp.Distributed;
using Vtp.Modeling;
using Vtp.Tests.Support;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class AllGatherWithGradientTests
{
    private const int WorldSize = 2;
    private const long Batch = 3;  // pairs per rank
    private const double Temperature = 0.05;

    private static Tensor Texts(int rank) => TestNets.Rows(300 + (ulong)rank, Batch, 6);    // [B, 6]
    private static Tensor Videos(int rank) => TestNets.Rows(400 + (ulong)rank, Batch, 5);   // [B, 5]

    private static Tensor Loss(Tensor textFeatures, Tensor videoFeatures) =>
        NormSoftmaxLoss.Compute(NormSoftmaxLoss.Similarity(textFeatures, videoFeatures), Temperature);

    private static T[] OnRanks<T>(Func<ICollectives, T> body) => RankThreads.Run<ICollectives, T>(WorldSize, GlooCollectives.Join, body);

    [TestMethod]
    public void AveragedParameterGradientsEqualTheSingleProcessGradient()
    {
        // Oracle: one process, one encoder, the whole batch of W * B pairs.
        double oracleLoss;
        double[][] oracle;
        using (NewDisposeScope())
        using (var encoder = new PairEncoder().Seeded(5))
        {
            var (text, video) = encoder.Encode(cat(new[] { Texts(0), Texts(1) }, 0), cat(new[] { Videos(0), Videos(1) }, 0));
            var loss = Loss(text, video);
            loss.backward();
            oracleLoss = loss.item<double>();
            oracle = TestNets.Gradients(encoder);
        }

        var results = OnRanks(group =>
        {
            using var scope = NewDisposeScope();
            using var encoder = new PairEncoder().Seeded(5);
            using var buckets = new GradientBuckets(group, encoder.parameters());
            var (text, video) = encoder.Encode(Texts(group.Rank), Videos(group.Rank));                       // [B, 4] each
            var loss = Loss(AllGatherWithGradient.Apply(group, text), AllGatherWithGradient.Apply(group, video));  // over [W*B, 4]
            loss.backward();
            AllGatherWithGradient.ThrowIfBackwardFailed();
            buckets.Average();
            return (Loss: loss.item<double>(), Gradients: TestNets.Gradients(encoder));
        });

        foreach (var (rank, result) in results.Select((r, i) => (i, r)))
        {
            Assert.AreEqual(oracleLoss, result.Loss, 1e-12, $"rank {rank} loss");
            TestNets.AssertClose(oracle, result.Gradients, $"rank {rank} parameter gradients");
        }
    }

    [TestMethod]
    public void BackwardSumsTheGradientOverRanksAndReturnsThisRanksRows()
    {
        // Oracle: the gradient of the loss with respect to the whole [W*B, 4] feature matrices, in one process.
        Tensor Features(ulong seed, int rank) => TestNets.Rows(seed + (ulong)rank, Batch, 4);
        double[][] oracleText, oracleVideo;
        using (NewDisposeScope())
        {
            var text = cat(new[] { Features(10, 0), Features(10, 1) }, 0).requires_grad_();
            var video = cat(new[] { Features(20, 0), Features(20, 1) }, 0).requires_grad_();
            Loss(text, video).backward();
            oracleText = Enumerable.Range(0, WorldSize).Select(r => TorchAssert.Doubles(text.grad!.narrow(0, r * Batch, Batch))).ToArray();
            oracleVideo = Enumerable.Range(0, WorldSize).Select(r => TorchAssert.Doubles(video.grad!.narrow(0, r * Batch, Batch))).ToArray();
        }

        var results = OnRanks(group =>
        {
            using var scope = NewDisposeScope();
            var text = Features(10, group.Rank).requires_grad_();
            var video = Features(20, group.Rank).requires_grad_();
            var gathered = AllGatherWithGradient.Apply(group, text);
            Assert.IsTrue(gathered.requires_grad);
            Loss(gathered, AllGatherWithGradient.Apply(group, video)).backward();
            AllGatherWithGradient.ThrowIfBackwardFailed();
            return (Text: TorchAssert.Doubles(text.grad!), Video: TorchAssert.Doubles(video.grad!));
        });

        // Every rank computed the same loss, so the summed gradient is W times the single-process one.
        for (int r = 0; r < WorldSize; r++)
        {
            TestNets.AssertClose([oracleText[r].Select(g => WorldSize * g).ToArray()], [results[r].Text], $"rank {r} text rows");
            TestNets.AssertClose([oracleVideo[r].Select(g => WorldSize * g).ToArray()], [results[r].Video], $"rank {r} video rows");
        }
    }

    [TestMethod]
    public void ForwardConcatenatesTheRanksInOrder()
    {
        var results = OnRanks(group =>
        {
            using var gathered = AllGatherWithGradient.Apply(group, full(new long[] { 1, 2 }, group.Rank + 1.0, ScalarType.Float64));
            return TorchAssert.Doubles(gathered);
        });
        foreach (var values in results) CollectionAssert.AreEqual(new[] { 1.0, 1.0, 2.0, 2.0 }, values);
    }
}
