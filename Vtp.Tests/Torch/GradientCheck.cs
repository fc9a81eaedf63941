// Central finite differences in float64: the independent oracle for autograd.
using TorchSharp;
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

internal static class GradientCheck
{
    /// <summary>
    /// Checks d(sum(f(inputs) * w))/d(input) from backward() against central differences for every element of every
    /// input (float64 leaves), where w is a fixed random projection that makes the output a scalar.
    /// </summary>
    public static void Check(string what, Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        using var scope = NewDisposeScope();
        foreach (var x in inputs) x.requires_grad = true;
        Tensor projection;
        using (var gen = new Generator(7))
        using (no_grad())
        {
            var probe = f(inputs);
            projection = rand(probe.shape, ScalarType.Float64, generator: gen) - 0.5;
        }
        double Objective() => (f(inputs) * projection).sum().ToDouble();
        (f(inputs) * projection).sum().backward();
        const double h = 1e-6;
        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k];
            var analytic = TorchAssert.Doubles(x.grad ?? throw new AssertFailedException($"{what}: input {k} got no gradient"));
            var values = TorchAssert.Doubles(x);
            for (int i = 0; i < values.Length; i++)
            {
                double Shifted(double delta)
                {
                    var copy = (double[])values.Clone();
                    copy[i] += delta;
                    using (no_grad()) x.copy_(tensor(copy, x.shape, ScalarType.Float64));
                    using (no_grad()) return Objective();
                }
                var numeric = (Shifted(h) - Shifted(-h)) / (2 * h);
                using (no_grad()) x.copy_(tensor(values, x.shape, ScalarType.Float64));
                if (Math.Abs(analytic[i] - numeric) > 1e-6 + 1e-5 * Math.Abs(numeric))
                    Assert.Fail($"{what}: d/d(input {k})[{i}] is {analytic[i]} by autograd, {numeric} by finite differences");
            }
        }
    }

    /// <summary>A float64 tensor of the given shape with seeded standard-normal values.</summary>
    public static Tensor Randn(long seed, params long[] shape)
    {
        using var gen = new Generator((ulong)seed);
        return randn(shape, ScalarType.Float64, generator: gen);
    }
}
