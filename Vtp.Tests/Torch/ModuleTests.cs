// nn.Module registration, naming, state dicts, train/eval and dtype moves.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class ModuleTests
{
    private sealed class Block : nn.Module<Tensor, Tensor>
    {
        private readonly LayerNorm norm1;
        private readonly Linear qkv;
        private readonly Parameter q_bias;
        private readonly Dropout drop;

        public Block(long dim) : base(nameof(Block))
        {
            norm1 = nn.LayerNorm(dim, 1e-6);
            qkv = nn.Linear(dim, 3 * dim, hasBias: false);
            q_bias = nn.Parameter(zeros(dim));
            drop = nn.Dropout(0.5);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => drop.call(qkv.call(norm1.call(x)));
    }

    private sealed class Net : nn.Module<Tensor, Tensor>
    {
        private readonly ModuleList<Block> blocks;
        private readonly Tensor pos_embed;

        public Net() : base(nameof(Net))
        {
            blocks = nn.ModuleList(new Block(4), new Block(4));
            pos_embed = ones(3);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => blocks[1].call(x);
    }

    [TestMethod]
    public void ParametersAreNamedLikePyTorch()
    {
        using var net = new Net();
        var names = net.named_parameters().Select(p => p.name).ToList();
        CollectionAssert.AreEqual(new[]
        {
            // PyTorch order: a module's own parameters first, then its children's, depth first.
            "blocks.0.q_bias", "blocks.0.norm1.weight", "blocks.0.norm1.bias", "blocks.0.qkv.weight",
            "blocks.1.q_bias", "blocks.1.norm1.weight", "blocks.1.norm1.bias", "blocks.1.qkv.weight",
        }, names);
        CollectionAssert.AreEqual(new[] { "pos_embed" }, net.named_buffers().Select(b => b.name).ToList());
        CollectionAssert.Contains(net.state_dict().Keys.ToList(), "pos_embed");
    }

    [TestMethod]
    public void LoadStateDictCopiesValuesAndNamesEveryProblem()
    {
        using var a = new Net();
        using var b = new Net();
        b.load_state_dict(a.state_dict());
        TorchAssert.Close(a.state_dict()["blocks.1.qkv.weight"], b.state_dict()["blocks.1.qkv.weight"], 0, 0);

        using var scope = NewDisposeScope();
        var broken = a.state_dict().Where(kv => kv.Key != "blocks.0.q_bias").ToDictionary();
        broken["blocks.1.qkv.weight"] = zeros(5, 4);
        broken["extra.weight"] = zeros(1);
        var error = Assert.ThrowsExactly<ArgumentException>(() => b.load_state_dict(broken));
        StringAssert.Contains(error.Message, "missing keys: blocks.0.q_bias");
        StringAssert.Contains(error.Message, "unexpected keys: extra.weight");
        StringAssert.Contains(error.Message, "blocks.1.qkv.weight: expected [12, 4], got [5, 4]");

        broken.Remove("blocks.1.qkv.weight");
        var (missing, unexpected) = b.load_state_dict(broken, strict: false);
        CollectionAssert.AreEquivalent(new[] { "blocks.0.q_bias", "blocks.1.qkv.weight" }, missing.ToList());
        CollectionAssert.AreEqual(new[] { "extra.weight" }, unexpected.ToList());
    }

    [TestMethod]
    public void EvalTurnsDropoutOffEverywhere()
    {
        using var net = new Net();
        using var scope = NewDisposeScope();
        var x = randn(64, 4);
        net.eval();
        Assert.IsFalse(net.modules().Any(m => m.training));
        Assert.IsTrue(net.call(x).Equals(net.call(x)));
        net.train();
        Assert.IsFalse(net.call(x).Equals(net.call(x)), "dropout in training mode should make two calls differ");
    }

    [TestMethod]
    public void ToDoubleConvertsParametersAndKeepsNames()
    {
        using var net = new Net();
        net.to(ScalarType.Float64);
        Assert.IsTrue(net.parameters().All(p => p.dtype == ScalarType.Float64 && p.requires_grad));
        using var scope = NewDisposeScope();
        net.eval();
        var y = net.call(ones([2, 4], ScalarType.Float64));
        Assert.AreEqual(ScalarType.Float64, y.dtype);
        Assert.AreEqual(8, net.named_parameters().Count());
    }

    [TestMethod]
    public void LinearInitialisationBoundsFollowPyTorch()
    {
        using var linear = nn.Linear(100, 50);
        var bound = 1 / Math.Sqrt(100);
        var w = TorchAssert.Doubles(linear.weight);
        Assert.IsTrue(w.All(v => Math.Abs(v) <= bound) && w.Max() > 0.8 * bound && w.Min() < -0.8 * bound);
    }
}
