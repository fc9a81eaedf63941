// Port of VideoMAE modeling_finetune.py (timm): DropPath, stochastic depth per sample.
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// Drops a whole residual branch per sample with probability <c>rate</c> and scales the kept ones by 1/(1-rate);
/// the identity in eval mode or at rate 0. Draws come from <c>generator</c>, or libtorch's default generator.
/// </summary>
public sealed class DropPath : nn.Module<Tensor, Tensor>
{
    private readonly double rate;
    private readonly Generator? generator;

    /// <param name="rate">Drop probability in [0, 1).</param>
    /// <param name="generator">Source of the draws; null uses libtorch's default generator (torch.manual_seed).</param>
    public DropPath(double rate, Generator? generator = null) : base(nameof(DropPath))
    {
        if (!(rate >= 0 && rate < 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "drop path rate must be in [0, 1)");
        this.rate = rate;
        this.generator = generator;
        RegisterComponents();
    }

    /// <summary>The drop probability.</summary>
    public double Rate => rate;

    /// <summary>[B, *] -> [B, *]</summary>
    public override Tensor forward(Tensor x)
    {
        if (rate == 0 || !training) return x.alias();
        using var scope = NewDisposeScope();
        var keep = 1.0 - rate;
        var shape = new long[x.Dimensions];
        Array.Fill(shape, 1L);
        shape[0] = x.shape[0];                                                              // [B, 1, ..., 1]
        var kept = (rand(shape, x.dtype, x.device, generator: generator) + keep).floor();  // 1 with probability keep
        return (x.div(keep) * kept).MoveToOuterDisposeScope();
    }
}
