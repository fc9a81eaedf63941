using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's TrainTestSplit: each row lands in exactly one side, about testFraction of them in the test set,
// repeatably for a seed; rows sharing a sampling key stay together.
[TestClass]
public sealed class TrainTestSplitTests
{
    private const int RowCount = 2000;

    private static IDataView Numbers(MLContext context)
        => context.Data.LoadFromEnumerable(Enumerable.Range(0, RowCount).Select(i => new NumberRow { Id = i, Value = i % 50 }).ToList());

    private static int[] Ids(IDataView data) => data.GetColumn<int>("Id").ToArray();

    [TestMethod]
    public void SidesPartitionTheRows()
    {
        var context = new MLContext(1);
        var split = context.Data.TrainTestSplit(Numbers(context), testFraction: 0.25, seed: 7);

        int[] train = Ids(split.TrainSet);
        int[] test = Ids(split.TestSet);

        Assert.AreEqual(0, train.Intersect(test).Count());
        CollectionAssert.AreEquivalent(Enumerable.Range(0, RowCount).ToArray(), train.Concat(test).ToArray());
    }

    [TestMethod]
    public void TestSideHoldsAboutTheRequestedFraction()
    {
        var context = new MLContext(1);

        foreach (double fraction in new[] { 0.1, 0.25, 0.5 })
        {
            int test = Ids(context.Data.TrainTestSplit(Numbers(context), fraction, seed: 3).TestSet).Length;
            // Binomial(N, fraction): five standard deviations around the mean.
            double expected = RowCount * fraction, sigma = Math.Sqrt(RowCount * fraction * (1 - fraction));
            Assert.IsTrue(Math.Abs(test - expected) < 5 * sigma, $"fraction {fraction}: {test} test rows, expected about {expected}");
        }
    }

    [TestMethod]
    public void SameSeedGivesSameSplitAndOtherSeedsDiffer()
    {
        var context = new MLContext(1);
        var data = Numbers(context);

        int[] first = Ids(context.Data.TrainTestSplit(data, 0.2, seed: 11).TestSet);
        int[] again = Ids(context.Data.TrainTestSplit(data, 0.2, seed: 11).TestSet);
        int[] other = Ids(context.Data.TrainTestSplit(data, 0.2, seed: 12).TestSet);

        CollectionAssert.AreEqual(first, again);
        CollectionAssert.AreNotEqual(first, other);
    }

    [TestMethod]
    public void ContextSeedMakesUnseededSplitsRepeatable()
    {
        int[] SplitWithContextSeed(int contextSeed)
        {
            var context = new MLContext(contextSeed);
            return Ids(context.Data.TrainTestSplit(Numbers(context), 0.2).TestSet);
        }

        CollectionAssert.AreEqual(SplitWithContextSeed(5), SplitWithContextSeed(5));
        CollectionAssert.AreNotEqual(SplitWithContextSeed(5), SplitWithContextSeed(6));
    }

    [TestMethod]
    public void EverySideCursorSeesTheSameRows()
    {
        var context = new MLContext(1);
        var test = context.Data.TrainTestSplit(Numbers(context), 0.3, seed: 2).TestSet;

        CollectionAssert.AreEqual(Ids(test), Ids(test));
    }

    [TestMethod]
    public void RowsSharingASamplingKeyStayTogether()
    {
        var context = new MLContext(1);
        var split = context.Data.TrainTestSplit(Numbers(context), 0.3, samplingKeyColumnName: "Value", seed: 4);

        var trainGroups = split.TrainSet.GetColumn<float>("Value").ToHashSet();
        var testGroups = split.TestSet.GetColumn<float>("Value").ToHashSet();

        Assert.AreEqual(0, trainGroups.Intersect(testGroups).Count());
        Assert.AreEqual(50, trainGroups.Count + testGroups.Count);
        Assert.IsTrue(testGroups.Count > 0 && trainGroups.Count > 0);
    }

    [TestMethod]
    public void InvalidArgumentsAreRejected()
    {
        var context = new MLContext(1);
        var data = Numbers(context);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Data.TrainTestSplit(data, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Data.TrainTestSplit(data, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: "Nope"));
    }
}
