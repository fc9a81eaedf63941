// Linear: y = x W^T + b, initialised as PyTorch does (uniform in ±1/sqrt(in_features)).
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public sealed class Linear : nn.Module<Tensor, Tensor>
{
    public Parameter weight;
    public Parameter? bias;

    internal Linear(long inputSize, long outputSize, bool hasBias, Device? device, ScalarType? dtype) : base(nameof(Linear))
    {
        weight = new Parameter(empty([outputSize, inputSize], dtype, device));
        bias = hasBias ? new Parameter(empty([outputSize], dtype, device)) : null;
        reset_parameters();
        RegisterComponents();
    }

    public long in_features => weight.shape[1];
    public long out_features => weight.shape[0];

    public void reset_parameters()
    {
        var bound = 1.0 / Math.Sqrt(in_features);  // kaiming_uniform(a = sqrt(5)) reduces to this bound
        using (no_grad())
        {
            weight.uniform_(-bound, bound);
            bias?.uniform_(-bound, bound);
        }
    }

    /// <summary>[*, in_features] -> [*, out_features]</summary>
    public override Tensor forward(Tensor tensor) => nn.functional.linear(tensor, weight, bias);
}
