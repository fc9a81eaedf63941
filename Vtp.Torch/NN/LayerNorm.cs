// LayerNorm over the trailing normalized_shape dims, with optional affine weight (ones) and bias (zeros).
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    public Parameter? weight;
    public Parameter? bias;

    internal LayerNorm(long[] normalized_shape, double eps, bool elementwise_affine, bool hasBias, Device? device, ScalarType? dtype)
        : base(nameof(LayerNorm))
    {
        this.normalized_shape = normalized_shape;
        this.eps = eps;
        this.elementwise_affine = elementwise_affine;
        if (elementwise_affine)
        {
            weight = new Parameter(empty(normalized_shape, dtype, device));
            bias = hasBias ? new Parameter(empty(normalized_shape, dtype, device)) : null;
        }
        reset_parameters();
        RegisterComponents();
    }

    public long[] normalized_shape { get; }
    public double eps { get; }
    public bool elementwise_affine { get; }

    public void reset_parameters()
    {
        using (no_grad())
        {
            weight?.fill_(1);
            bias?.zero_();
        }
    }

    /// <summary>[*, normalized_shape] -> same shape</summary>
    public override Tensor forward(Tensor tensor) => nn.functional.layer_norm(tensor, normalized_shape, weight, bias, eps);
}
