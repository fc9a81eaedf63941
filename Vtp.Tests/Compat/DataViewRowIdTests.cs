using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's 128-bit row identifiers: ordering, formatting and the MurmurHash3 block step behind Next.
[TestClass]
public sealed class DataViewRowIdTests
{
    [TestMethod]
    public void FormatsHighHalfFirstAsLowercaseHex()
    {
        Assert.AreEqual("00000000000000ff0000000000000001", new DataViewRowId(1, 255).ToString());
    }

    [TestMethod]
    public void OrdersByHighThenLow()
    {
        var small = new DataViewRowId(ulong.MaxValue, 0);
        var large = new DataViewRowId(0, 1);

        Assert.IsTrue(small.CompareTo(large) < 0);
        Assert.IsTrue(new DataViewRowId(2, 1).CompareTo(large) > 0);
        Assert.AreEqual(new DataViewRowId(3, 4), new DataViewRowId(3, 4));
    }

    [TestMethod]
    public void NextOfZeroIsOneMurmurBlockOfZeros()
    {
        // Hand-computed MurmurHash3 x64-128 body step with h1 = h2 = k1 = k2 = 0:
        // h1 = rotl(0, 27) + 0 = 0, h1 = 0 * 5 + 0x52dce729; h2 = rotl(0, 31) + h1, h2 = h2 * 5 + 0x38495ab5.
        ulong h1 = 0x52dce729;
        ulong h2 = 0x52dce729UL * 5 + 0x38495ab5;

        var next = new DataViewRowId(0, 0).Next();

        Assert.AreEqual(h1, next.Low);
        Assert.AreEqual(h2, next.High);
    }

    [TestMethod]
    public void DerivedIdentifiersAreDistinct()
    {
        var id = new DataViewRowId(7, 0);
        var derived = new[] { id, id.Next(), id.Fork(), id.Combine(new DataViewRowId(8, 0)), id.Combine(new DataViewRowId(9, 0)) };

        Assert.AreEqual(derived.Length, derived.Distinct().Count());
        Assert.AreEqual(id.Fork(), id.Fork());
    }
}
