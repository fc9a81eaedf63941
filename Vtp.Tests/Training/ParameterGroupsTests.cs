// The official no-weight-decay rule.
using TorchSharp;
using TorchSharp.Modules;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Tests.Training;

[TestClass]
public sealed class ParameterGroupsTests
{
    private sealed class Toy : nn.Module<Tensor, Tensor>
    {
        private readonly Linear qkv = nn.Linear(4, 12, hasBias: false);
        private readonly Parameter q_bias = nn.Parameter(zeros(4));
        private readonly Parameter mask_token = nn.Parameter(zeros(1, 1, 4));
        private readonly Embedding word_embeddings = nn.Embedding(10, 4);
        private readonly Linear head = nn.Linear(4, 2);

        public Toy() : base(nameof(Toy)) => RegisterComponents();

        public override Tensor forward(Tensor x) => head.call(qkv.call(x));
    }

    [TestMethod]
    public void BiasesNormsAndTokensSkipDecayWordEmbeddingsDoNot()
    {
        using var model = new Toy();
        var skipped = model.named_parameters().Where(p => ParameterGroups.SkipsWeightDecay(p.name, p.parameter)).Select(p => p.name).ToList();
        CollectionAssert.AreEquivalent(new[] { "q_bias", "mask_token", "head.bias" }, skipped);
        var groups = ParameterGroups.For(model, 0.05);
        Assert.AreEqual(3, groups[0].Parameters.Count(), "qkv.weight, word_embeddings.weight, head.weight");
        Assert.AreEqual(0.05, groups[0].Options.weight_decay);
        Assert.AreEqual(0.0, groups[1].Options.weight_decay);
    }
}
