// Parameter-less modules: Dropout, GELU and Identity.
using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>Dropout: active in training mode only.</summary>
public sealed class Dropout : nn.Module<Tensor, Tensor>
{
    internal Dropout(double p, bool inplace) : base(nameof(Dropout))
    {
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability has to be between 0 and 1, but got {p}");
        this.p = p;
        this.inplace = inplace;
    }

    public double p { get; }
    public bool inplace { get; }

    public override Tensor forward(Tensor tensor) => nn.functional.dropout(tensor, p, training, inplace);
}

/// <summary>GELU, exact (erf) by default or the tanh approximation.</summary>
public sealed class GELU : nn.Module<Tensor, Tensor>
{
    public enum Approximate { none, tanh }

    internal GELU(Approximate approximate, bool inplace) : base(nameof(GELU))
    {
        this.approximate = approximate;
        this.inplace = inplace;
    }

    public Approximate approximate { get; }
    public bool inplace { get; }

    public override Tensor forward(Tensor tensor) => nn.functional.gelu(tensor, approximate);
}

/// <summary>Returns its input unchanged (a new handle to the same tensor).</summary>
public sealed class Identity : nn.Module<Tensor, Tensor>
{
    internal Identity() : base(nameof(Identity)) { }

    public override Tensor forward(Tensor tensor) => tensor.alias();
}
