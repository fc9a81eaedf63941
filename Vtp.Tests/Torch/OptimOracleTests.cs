// AdamW (two parameter groups, weight decay) and gradient clipping against torch.optim / torch.nn.utils.
using TorchSharp.Modules;
using static TorchSharp.torch;
using static Vtp.Tests.Torch.PyTorchOracle;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class OptimOracleTests
{
    [TestMethod]
    public void AdamWMatchesPyTorchOverThreeSteps()
    {
        using var scope = NewDisposeScope();
        var p0 = new Parameter(Input("adamw", "p0"));
        var p1 = new Parameter(Input("adamw", "p1"));
        var groups = new[]
        {
            new AdamW.ParamGroup([p0], new AdamW.Options { weight_decay = Arg("adamw", "weight_decay") }),
            new AdamW.ParamGroup([p1], new AdamW.Options { weight_decay = 0 }),
        };
        using var optimizer = optim.AdamW(groups, lr: Arg("adamw", "lr"), beta1: Arg("adamw", "beta1"), beta2: Arg("adamw", "beta2"), eps: Arg("adamw", "eps"));
        for (int i = 0; i < 3; i++)
        {
            p0.grad = Input("adamw", $"g0_{i}");
            p1.grad = Input("adamw", $"g1_{i}");
            optimizer.step();
            TorchAssert.Close(Output("adamw", $"p0_step{i + 1}"), p0, 1e-6, 1e-5, $"p0 step {i + 1}");
            TorchAssert.Close(Output("adamw", $"p1_step{i + 1}"), p1, 1e-6, 1e-5, $"p1 step {i + 1}");
        }
        p0.Dispose();
        p1.Dispose();
    }

    [TestMethod]
    public void ClipGradNormMatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var w0 = new Parameter(zeros(4));
        var w1 = new Parameter(zeros(2, 3));
        w0.grad = Input("clip_grad_norm", "g0");
        w1.grad = Input("clip_grad_norm", "g1");
        var total = nn.utils.clip_grad_norm_([w0, w1], Arg("clip_grad_norm", "max_norm"));
        Assert.AreEqual(Output("clip_grad_norm", "total").ToDouble(), total, 1e-5);
        TorchAssert.Close(Output("clip_grad_norm", "g0"), w0.grad!, 1e-6, 1e-5, "g0");
        TorchAssert.Close(Output("clip_grad_norm", "g1"), w1.grad!, 1e-6, 1e-5, "g1");
        w0.Dispose();
        w1.Dispose();
    }
}
