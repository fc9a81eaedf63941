using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's ShuffleRows: a lazy pool shuffle whose order is fixed by the seed for every cursor.
[TestClass]
public sealed class ShuffleRowsTests
{
    private static IDataView Numbers(MLContext context, int count)
        => context.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(i => new NumberRow { Id = i, Value = i * 0.5f }).ToList());

    [TestMethod]
    public void ShuffledRowsArePermutationOfInputWithValuesKeptTogether()
    {
        var context = new MLContext(1);
        var shuffled = context.Data.ShuffleRows(Numbers(context, 100), seed: 3);

        var rows = context.Data.CreateEnumerable<NumberRow>(shuffled, reuseRowObject: false).ToArray();

        CollectionAssert.AreEquivalent(Enumerable.Range(0, 100).ToArray(), rows.Select(r => r.Id).ToArray());
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 100).ToArray(), rows.Select(r => r.Id).ToArray());
        Assert.IsTrue(rows.All(r => r.Value == r.Id * 0.5f));
    }

    [TestMethod]
    public void SameSeedGivesSameOrderForEveryCursorAndView()
    {
        var context = new MLContext(1);
        var data = Numbers(context, 50);
        var view = context.Data.ShuffleRows(data, seed: 9);

        int[] first = view.GetColumn<int>("Id").ToArray();

        CollectionAssert.AreEqual(first, view.GetColumn<int>("Id").ToArray());
        CollectionAssert.AreEqual(first, context.Data.ShuffleRows(data, seed: 9).GetColumn<int>("Id").ToArray());
        CollectionAssert.AreNotEqual(first, context.Data.ShuffleRows(data, seed: 10).GetColumn<int>("Id").ToArray());
    }

    [TestMethod]
    public void PoolOfOneKeepsTheOrderOfAnUnshuffleableSource()
    {
        var context = new MLContext(1);

        var ids = context.Data.ShuffleRows(Numbers(context, 20), seed: 1, shufflePoolSize: 1).GetColumn<int>("Id").ToArray();

        CollectionAssert.AreEqual(Enumerable.Range(0, 20).ToArray(), ids);
    }

    [TestMethod]
    public void SmallPoolOnlyMovesRowsLocally()
    {
        var context = new MLContext(1);

        int[] ids = context.Data.ShuffleRows(Numbers(context, 200), seed: 5, shufflePoolSize: 4).GetColumn<int>("Id").ToArray();

        // With a pool of 4 rows the k-th output comes from the first k + 4 input rows.
        Assert.IsTrue(ids.Select((id, k) => id < k + 4).All(ok => ok));
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 200).ToArray(), ids);
    }

    [TestMethod]
    public void ShuffledViewCanShuffleAndKeepsRowCount()
    {
        var context = new MLContext(1);
        var view = context.Data.ShuffleRows(Numbers(context, 10), seed: 2);

        Assert.IsTrue(view.CanShuffle);
        Assert.AreEqual(10L, view.GetRowCount());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Data.ShuffleRows(Numbers(context, 10), shufflePoolSize: 0));
    }

    [TestMethod]
    public void TakeAndSkipSliceInInputOrder()
    {
        var context = new MLContext(1);
        var data = Numbers(context, 10);

        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, context.Data.TakeRows(data, 3).GetColumn<int>("Id").ToArray());
        CollectionAssert.AreEqual(new[] { 8, 9 }, context.Data.SkipRows(data, 8).GetColumn<int>("Id").ToArray());
        Assert.AreEqual(3L, context.Data.TakeRows(data, 3).GetRowCount());
    }
}
