// Gradients of the differentiable ops SimVTP uses, against central finite differences in float64.
using TorchSharp;
using static TorchSharp.torch;
using static Vtp.Tests.Torch.GradientCheck;
using F = TorchSharp.torch.nn.functional;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class GradientTests : ScopedTensorTest
{
    [TestMethod]
    public void Elementwise() => Check("elementwise", x => (x[0].exp() + (x[0] * x[0] + 1).log() + (x[0] * x[0] + 0.5).sqrt() + x[0].tanh() + x[0].sigmoid()
        + x[0].pow(3) / (x[1] * x[1] + 1) - x[1].clamp_min(-0.3) + x[0].erf()), Randn(1, 3, 4), Randn(2, 3, 4));

    [TestMethod]
    public void LinearAndMatrixProducts()
    {
        Check("linear", x => F.linear(x[0], x[1], x[2]), Randn(1, 2, 3, 4), Randn(2, 5, 4), Randn(3, 5));
        Check("matmul", x => x[0].matmul(x[1]), Randn(4, 2, 3, 4), Randn(5, 4, 2));
        Check("bmm", x => x[0].bmm(x[1].transpose(1, 2)), Randn(6, 2, 3, 4), Randn(7, 2, 5, 4));
    }

    [TestMethod]
    public void LayerNormAndGelu()
    {
        Check("layer_norm", x => F.layer_norm(x[0], [6], x[1], x[2], 1e-6), Randn(1, 2, 3, 6), Randn(2, 6), Randn(3, 6));
        Check("gelu", x => F.gelu(x[0]), Randn(4, 3, 5));
    }

    [TestMethod]
    public void SoftmaxAndLosses()
    {
        Check("softmax", x => F.softmax(x[0], -1), Randn(1, 3, 5));
        Check("log_softmax", x => F.log_softmax(x[0], -1), Randn(2, 3, 5));
        var target = tensor(new long[] { 2, -100, 0, 4 });
        Check("cross_entropy ignore_index", x => F.cross_entropy(x[0], target, ignore_index: -100), Randn(3, 4, 5));
        Check("mse_loss", x => F.mse_loss(x[0], x[1]), Randn(4, 3, 4), Randn(5, 3, 4));
        Check("normalize", x => F.normalize(x[0], dim: -1), Randn(6, 3, 4));
    }

    [TestMethod]
    public void AttentionWithAdditiveMask()
    {
        var mask = zeros([2, 1, 1, 5], ScalarType.Float64);
        mask[0, .., .., 3..] = full([1], -10000.0, ScalarType.Float64);
        Check("scaled_dot_product_attention", x => F.scaled_dot_product_attention(x[0], x[1], x[2], mask),
            Randn(1, 2, 2, 4, 3), Randn(2, 2, 2, 5, 3), Randn(3, 2, 2, 5, 3));
    }

    [TestMethod]
    public void ConvolutionAndEmbedding()
    {
        Check("conv3d", x => F.conv3d(x[0], x[1], x[2], strides: [2, 2, 2]), Randn(1, 1, 2, 2, 4, 4), Randn(2, 3, 2, 2, 2, 2), Randn(3, 3));
        var ids = tensor(new long[] { 1, 3, 3, 0 }, [2, 2]);
        Check("embedding", x => F.embedding(ids, x[0]), Randn(4, 5, 3));
    }

    [TestMethod]
    public void Reductions()
    {
        Check("sum/mean", x => x[0].sum([1]) + x[0].mean([1]), Randn(1, 3, 4));
        Check("var unbiased", x => x[0].var(-1, unbiased: true), Randn(2, 3, 5));
        Check("std", x => x[0].std(-1), Randn(3, 3, 5));
        Check("logsumexp", x => x[0].logsumexp(-1), Randn(4, 3, 5));
    }

    [TestMethod]
    public void ShapesIndexingAndMasks()
    {
        var index = tensor(new long[] { 0, 2, 1, 1 }, [2, 2]);
        var mask = tensor(new[] { true, false, true, false, true, true }, [2, 3]);
        Check("view/permute/flatten", x => x[0].view(2, 3, 2).permute(2, 0, 1).flatten(1).reshape(3, 4), Randn(1, 3, 4));
        Check("cat/stack/chunk", x => cat([stack([x[0], x[1]]), stack([x[1], x[0]])], 1).chunk(2, 2)[1], Randn(2, 2, 4), Randn(3, 2, 4));
        Check("gather/index_select", x => x[0].gather(1, index) + x[0].index_select(1, index[0]), Randn(4, 2, 3));
        Check("boolean mask select", x => x[0][mask], Randn(5, 2, 3, 2));
        Check("masked_fill/where", x => x[0].masked_fill(mask, 0.0) + where(mask, x[0], x[0] * 3), Randn(6, 2, 3));
        Check("narrow/expand/repeat", x => x[0].narrow(1, 1, 2).unsqueeze(0).expand(2, 2, 2) * x[0][0, ..2].repeat(2, 1, 1), Randn(7, 2, 3));
    }

    [TestMethod]
    public void CheckerRejectsAWrongGradient() =>
        Assert.ThrowsExactly<AssertFailedException>(() => Check("detached factor", x => x[0].detach() * x[0], Randn(8, 3)));
}
