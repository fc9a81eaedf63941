// Dispose scopes, grad mode and seeded generators.
using TorchSharp;
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class ScopeAndRandomTests
{
    [TestMethod]
    public void ScopeDisposesTemporariesButNotMovedResults()
    {
        Tensor kept, temp;
        using (var scope = NewDisposeScope())
        {
            temp = ones(3) * 2;
            kept = (temp + 1).MoveToOuterDisposeScope();
            Assert.AreEqual(2, scope.DisposablesCount, "ones(3) and the product");
        }
        Assert.IsTrue(temp.IsInvalid);
        Assert.IsFalse(kept.IsInvalid);
        Assert.AreEqual(9.0, kept.sum().ToDouble(), 1e-9);
        kept.Dispose();
    }

    [TestMethod]
    public void NestedScopesMoveOneLevelOut()
    {
        using var outer = NewDisposeScope();
        Tensor t;
        using (NewDisposeScope()) t = zeros(2).MoveToOuterDisposeScope();
        Assert.IsTrue(outer.Contains(t));
    }

    [TestMethod]
    public void NoGradStopsRecordingAndRestores()
    {
        using var scope = NewDisposeScope();
        var w = ones(2, requires_grad: true);
        using (no_grad())
        {
            Assert.IsFalse(is_grad_enabled());
            Assert.IsFalse((w * 2).requires_grad);
        }
        Assert.IsTrue(is_grad_enabled());
        var y = (w * w).sum();
        y.backward();
        CollectionAssert.AreEqual(new[] { 2.0, 2.0 }, TorchAssert.Doubles(w.grad!));
    }

    [TestMethod]
    public void SeededGeneratorsRepeatAndDiffer()
    {
        using var scope = NewDisposeScope();
        using var g1 = new Generator(42);
        using var g2 = new Generator(42);
        using var g3 = new Generator(43);
        var a = randn([5], generator: g1);
        Assert.IsTrue(a.Equals(randn([5], generator: g2)));
        Assert.IsFalse(a.Equals(randn([5], generator: g3)));
        var state = g1.get_state();
        var next = rand([4], generator: g1);
        g1.set_state(state);
        Assert.IsTrue(next.Equals(rand([4], generator: g1)), "restoring the state replays the stream");
        manual_seed(3);
        var p = randperm(10);
        manual_seed(3);
        Assert.IsTrue(p.Equals(randperm(10)));
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 10).Select(i => (long)i).ToArray(), TorchAssert.Longs(p));
    }

    [TestMethod]
    public void TruncNormalStaysInBoundsWithTheRightSpread()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(1);
        var t = nn.init.trunc_normal_(empty(20000), std: 0.02, a: -0.04, b: 0.04, generator: g);
        var values = TorchAssert.Doubles(t);
        Assert.IsTrue(values.All(v => v is >= -0.04 and <= 0.04));
        // The std of N(0, s) truncated at ±2s is 0.8796 s.
        Assert.AreEqual(0.8796 * 0.02, t.std().ToDouble(), 0.0005);
    }
}
