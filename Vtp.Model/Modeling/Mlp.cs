// Port of VideoMAE modeling_finetune.py: Mlp.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Linear(C -> int(C * mlp_ratio)) -> exact (erf) GELU -> Linear(back to C); no dropout.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly GELU act;
    private readonly Linear fc2;

    /// <param name="dim">C, the block width.</param>
    /// <param name="hidden">Hidden width.</param>
    public Mlp(int dim, int hidden) : base(nameof(Mlp))
    {
        fc1 = nn.Linear(dim, hidden);
        act = nn.GELU();
        fc2 = nn.Linear(hidden, dim);
        RegisterComponents();
    }

    /// <summary>[B, S, C] -> [B, S, C]</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var hidden = act.call(fc1.call(x));                                                // [B, S, hidden]
        return fc2.call(hidden).MoveToOuterDisposeScope();                                 // [B, S, C]
    }
}
