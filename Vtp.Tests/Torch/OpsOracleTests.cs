// Forward values of Vtp.Torch ops against the same ops in PyTorch (reference/ops_oracle.py), float32 tolerances.
using TorchSharp;
using static TorchSharp.torch;
using static Vtp.Tests.Torch.PyTorchOracle;
using F = TorchSharp.torch.nn.functional;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class OpsOracleTests : ScopedTensorTest
{
    private static void Same(string c, string output, Tensor actual, double tol = 1e-5) =>
        TorchAssert.Close(Output(c, output), actual, tol, tol, $"{c}.{output}");

    [TestMethod]
    public void MatrixProducts()
    {
        Same("matmul", "y", Input("matmul", "a").matmul(Input("matmul", "b")));
        Same("bmm", "y", Input("bmm", "a").bmm(Input("bmm", "b")));
        Same("linear", "y", F.linear(Input("linear", "x"), Input("linear", "w"), Input("linear", "b")));
    }

    [TestMethod]
    public void NormalisationAndActivations()
    {
        Same("layer_norm", "y", F.layer_norm(Input("layer_norm", "x"), [6], Input("layer_norm", "w"), Input("layer_norm", "b"), Arg("layer_norm", "eps")));
        Same("gelu", "erf", F.gelu(Input("gelu", "x")));
        Same("gelu", "tanh", F.gelu(Input("gelu", "x"), TorchSharp.Modules.GELU.Approximate.tanh));
        Same("softmax", "softmax", F.softmax(Input("softmax", "x"), -1));
        Same("softmax", "log_softmax", F.log_softmax(Input("softmax", "x"), -1));
        Same("normalize", "y", F.normalize(Input("normalize", "x"), dim: -1));
        Same("erfinv", "y", Input("erfinv", "x").erfinv(), 1e-4);
    }

    [TestMethod]
    public void Losses()
    {
        var logits = Input("cross_entropy", "logits");
        var target = Input("cross_entropy", "target");
        Same("cross_entropy", "mean", F.cross_entropy(logits, target, ignore_index: -100));
        Same("cross_entropy", "none", F.cross_entropy(logits, target, ignore_index: -100, reduction: nn.Reduction.None));
        Same("mse_loss", "mean", F.mse_loss(Input("mse_loss", "a"), Input("mse_loss", "b")));
        Same("mse_loss", "sum", F.mse_loss(Input("mse_loss", "a"), Input("mse_loss", "b"), nn.Reduction.Sum));
    }

    [TestMethod]
    public void AttentionWithAdditiveKeyMask()
    {
        var y = F.scaled_dot_product_attention(Input("attention", "q"), Input("attention", "k"), Input("attention", "v"), Input("attention", "mask"));
        Same("attention", "y", y);
    }

    [TestMethod]
    public void ConvolutionAndEmbedding()
    {
        Same("conv3d", "y", F.conv3d(Input("conv3d", "x"), Input("conv3d", "w"), Input("conv3d", "b"), strides: [2, 4, 4]), 1e-4);
        Same("embedding", "y", F.embedding(Input("embedding", "ids"), Input("embedding", "w")));
    }

    [TestMethod]
    public void Reductions()
    {
        var x = Input("reductions", "x");
        Same("reductions", "sum12", x.sum([1, 2]));
        Same("reductions", "mean_keep", x.mean([-1], keepdim: true));
        Same("reductions", "var_unbiased", x.var(-1, unbiased: true));
        Same("reductions", "var_biased", x.var(-1, unbiased: false));
        Same("reductions", "std", x.std(-1));
        Same("reductions", "amax", x.amax([-1]));
        Same("reductions", "logsumexp", x.logsumexp(-1));
        Same("reductions", "cumsum", x.cumsum(-1));
        CollectionAssert.AreEqual(TorchAssert.Longs(Output("reductions", "argmax")), TorchAssert.Longs(x.argmax(-1)));
        Same("reductions", "norm", x.norm());
    }

    [TestMethod]
    public void IndexingGatherAndMasks()
    {
        Same("gather", "y", Input("gather", "x").gather(1, Input("gather", "index")));
        var x = Input("boolean_index", "x");
        var mask = Input("boolean_index", "mask");
        Same("boolean_index", "selected", x[mask]);
        Same("boolean_index", "filled", x.masked_fill(mask.unsqueeze(-1), -1.5));
        Same("boolean_index", "where", where(mask.unsqueeze(-1), x, -x));
    }

    [TestMethod]
    public void TopKAndSort()
    {
        var x = Input("topk_sort", "x");
        var (values, indices) = x.topk(3, dim: -1);
        Same("topk_sort", "topk_values", values);
        CollectionAssert.AreEqual(TorchAssert.Longs(Output("topk_sort", "topk_indices")), TorchAssert.Longs(indices));
        var (sorted, order) = x.sort(-1, descending: true);
        Same("topk_sort", "sort_values", sorted);
        CollectionAssert.AreEqual(TorchAssert.Longs(Output("topk_sort", "sort_indices")), TorchAssert.Longs(order));
    }

    [TestMethod]
    public void PaddingAndOneHot()
    {
        Same("pad_onehot", "pad", F.pad(Input("pad_onehot", "x"), [1, 2], value: 0.5));
        CollectionAssert.AreEqual(TorchAssert.Longs(Output("pad_onehot", "one_hot")), TorchAssert.Longs(F.one_hot(Input("pad_onehot", "ids"), 4)));
    }
}
