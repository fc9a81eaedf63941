// Port of VideoMAE modeling_finetune.py: Block (pre-norm, init_values 0 so no layer scale), with SimVTP's key mask.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Pre-norm transformer block: x + DropPath(Attn(LN1 x)), then + DropPath(MLP(LN2 x)); LayerNorm eps 1e-6.</summary>
public sealed class Block : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly Attention attn;
    private readonly DropPath drop_path;
    private readonly LayerNorm norm2;
    private readonly Mlp mlp;

    /// <param name="dim">C, the block width.</param>
    /// <param name="numHeads">nh.</param>
    /// <param name="mlpHidden">Hidden width of the MLP.</param>
    /// <param name="dropPath">Stochastic-depth rate of this block.</param>
    /// <param name="generator">Source of the drop-path draws; null uses libtorch's default generator.</param>
    public Block(int dim, int numHeads, int mlpHidden, double dropPath, Generator? generator = null) : base(nameof(Block))
    {
        norm1 = nn.LayerNorm(dim, ModelConstants.VitLayerNormEps);
        attn = new Attention(dim, numHeads);
        drop_path = new DropPath(dropPath, generator);
        norm2 = nn.LayerNorm(dim, ModelConstants.VitLayerNormEps);
        mlp = new Mlp(dim, mlpHidden);
        RegisterComponents();
    }

    /// <summary>The stochastic-depth rate of this block.</summary>
    public double DropPathRate => drop_path.Rate;

    /// <summary>[B, S, C] and key logits [B, 1, 1, S] (or null) -> [B, S, C]</summary>
    public override Tensor forward(Tensor x, Tensor? keyLogits)
    {
        using var scope = NewDisposeScope();
        var attended = x + drop_path.call(attn.call(norm1.call(x), keyLogits));            // [B, S, C]
        var output = attended + drop_path.call(mlp.call(norm2.call(attended)));            // [B, S, C]
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="depth"/> blocks whose drop-path rates rise as linspace(0, <paramref name="dropPathRate"/>,
    /// depth), computed in float32 as the official torch.linspace.
    /// </summary>
    public static ModuleList<Block> Stack(int depth, int dim, int numHeads, int mlpHidden, double dropPathRate, Generator? generator)
    {
        double[] rates;
        using (var line = linspace(0, dropPathRate, depth))
        using (var asDouble = line.to(ScalarType.Float64))
            rates = asDouble.data<double>().ToArray();
        return nn.ModuleList(rates.Select(rate => new Block(dim, numHeads, mlpHidden, rate, generator)).ToArray());
    }
}
