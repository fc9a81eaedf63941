using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's CreateEnumerable and GetColumn: text columns convert to string, vectors to arrays; binding is checked
// when called, rows are read while enumerating.
[TestClass]
public sealed class CreateEnumerableTests
{
    private static readonly MLContext Context = new(seed: 1);

    private static ClipRow[] Clips() => new[]
    {
        new ClipRow { VideoPath = "a.mp4", Text = "a dog runs", Start = 0.5f, Features = new[] { 1f, 2f, 3f } },
        new ClipRow { VideoPath = "b.mp4", Text = "a cat sleeps", Start = 2f, Features = new[] { 4f, 5f, 6f } },
    };

    [TestMethod]
    public void RoundTripRestoresEveryMappedMember()
    {
        var data = Context.Data.LoadFromEnumerable(Clips());

        var back = Context.Data.CreateEnumerable<ClipRow>(data, reuseRowObject: false).ToArray();

        Assert.AreEqual(2, back.Length);
        Assert.AreEqual("b.mp4", back[1].VideoPath);
        Assert.AreEqual("a cat sleeps", back[1].Text);
        Assert.AreEqual(2f, back[1].Start);
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, back[1].Features);
        Assert.AreEqual(0, back[1].Ignored);
    }

    [TestMethod]
    public void ReuseRowObjectFillsOneObjectAgain()
    {
        var data = Context.Data.LoadFromEnumerable(Clips());

        var reused = Context.Data.CreateEnumerable<ClipRow>(data, reuseRowObject: true).ToArray();
        var fresh = Context.Data.CreateEnumerable<ClipRow>(data, reuseRowObject: false).ToArray();

        Assert.AreSame(reused[0], reused[1]);
        Assert.AreEqual("b.mp4", reused[0].VideoPath);
        Assert.AreNotSame(fresh[0], fresh[1]);
    }

    [TestMethod]
    public void SparseVectorsBecomeDenseArrays()
    {
        var rows = new[] { new SparseRow { Values = new VBuffer<float>(4, 1, new[] { 9f }, new[] { 2 }) } };
        var data = Context.Data.LoadFromEnumerable(rows);

        var back = Context.Data.CreateEnumerable<DenseRow>(data, reuseRowObject: false).Single();

        CollectionAssert.AreEqual(new[] { 0f, 0f, 9f, 0f }, back.Values);
    }

    [TestMethod]
    public void MissingColumnThrowsWhenCalledUnlessIgnored()
    {
        var data = Context.Data.LoadFromEnumerable(new[] { new TextRow { Text = "x" } });

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Context.Data.CreateEnumerable<NumberRow>(data, reuseRowObject: false));
        var ignored = Context.Data.CreateEnumerable<NumberRow>(data, reuseRowObject: false, ignoreMissingColumns: true).Single();
        Assert.AreEqual(0, ignored.Id);
    }

    [TestMethod]
    public void IncompatibleColumnTypeCannotBeBound()
    {
        var data = Context.Data.LoadFromEnumerable(new[] { new TextRow { Text = "x" } });

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Context.Data.CreateEnumerable<WrongTextRow>(data, reuseRowObject: false));
        StringAssert.Contains(error.Message, "Text");
    }

    [TestMethod]
    public void EnumerationIsLazy()
    {
        int produced = 0;
        var data = Context.Data.LoadFromEnumerable(Enumerable.Range(0, 5).Select(i =>
        {
            produced++;
            return new NumberRow { Id = i };
        }));

        var rows = Context.Data.CreateEnumerable<NumberRow>(data, reuseRowObject: false);
        Assert.AreEqual(0, produced);
        Assert.AreEqual(1, rows.Take(2).Last().Id);
        Assert.AreEqual(2, produced);
    }

    [TestMethod]
    public void GetColumnConvertsTextAndVectors()
    {
        var data = Context.Data.LoadFromEnumerable(Clips());

        CollectionAssert.AreEqual(new[] { "a.mp4", "b.mp4" }, data.GetColumn<string>("VideoPath").ToArray());
        Assert.AreEqual("a dog runs", data.GetColumn<ReadOnlyMemory<char>>("Caption").First().ToString());
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, data.GetColumn<float[]>("Features").Last());
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, data.GetColumn<VBuffer<float>>(data.Schema["Features"]).First().DenseValues().ToArray());
        Assert.ThrowsExactly<InvalidOperationException>(() => data.GetColumn<int>("Start"));
    }

    private sealed class SparseRow
    {
        [VectorType(4)]
        public VBuffer<float> Values { get; set; }
    }

    private sealed class DenseRow
    {
        public float[] Values { get; set; } = Array.Empty<float>();
    }

    private sealed class WrongTextRow
    {
        public float Text { get; set; }
    }
}
