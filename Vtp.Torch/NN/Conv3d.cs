// Conv3d over [B, C, T, H, W], initialised as PyTorch does (uniform in ±1/sqrt(fan_in)).
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public sealed class Conv3d : nn.Module<Tensor, Tensor>
{
    public Parameter weight;
    public Parameter? bias;
    private readonly long[] stride, padding, dilation;
    private readonly long groups;

    internal Conv3d(long inChannels, long outChannels, (long, long, long) kernel, (long, long, long) stride, (long, long, long) padding,
        (long, long, long) dilation, long groups, bool hasBias, Device? device, ScalarType? dtype) : base(nameof(Conv3d))
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"in_channels {inChannels} and out_channels {outChannels} must be divisible by groups {groups}.");
        weight = new Parameter(empty([outChannels, inChannels / groups, kernel.Item1, kernel.Item2, kernel.Item3], dtype, device));
        bias = hasBias ? new Parameter(empty([outChannels], dtype, device)) : null;
        this.stride = [stride.Item1, stride.Item2, stride.Item3];
        this.padding = [padding.Item1, padding.Item2, padding.Item3];
        this.dilation = [dilation.Item1, dilation.Item2, dilation.Item3];
        this.groups = groups;
        var bound = 1.0 / Math.Sqrt(inChannels / groups * kernel.Item1 * kernel.Item2 * kernel.Item3);
        using (no_grad())
        {
            weight.uniform_(-bound, bound);
            bias?.uniform_(-bound, bound);
        }
        RegisterComponents();
    }

    /// <summary>[B, C_in, T, H, W] -> [B, C_out, T', H', W']</summary>
    public override Tensor forward(Tensor input) => nn.functional.conv3d(input, weight, bias, stride, padding, dilation, groups);
}
