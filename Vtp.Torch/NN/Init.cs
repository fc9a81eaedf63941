// torch.nn.init: in-place initialisers, following PyTorch's definitions (fan computation, gains, trunc_normal_).
namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static class init
        {
            public enum FanInOut { FanIn, FanOut }

            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.uniform_(low, high, generator);
            }

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.normal_(mean, std, generator);
            }

            public static Tensor constant_(Tensor tensor, Scalar val)
            {
                using (no_grad()) return tensor.fill_(val);
            }

            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);
            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>(fan_in, fan_out) as PyTorch computes them: dims 1 and 0 times the receptive field size.</summary>
            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException($"Fan in and fan out cannot be computed for a tensor with {shape.Length} dimensions.");
                long receptive = 1;
                for (int i = 2; i < shape.Length; i++) receptive *= shape[i];
                return (shape[1] * receptive, shape[0] * receptive);
            }

            /// <summary>Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                var a = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
                return uniform_(tensor, -a, a);
            }

            public static Tensor xavier_normal_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
            }

            public static Tensor glorot_uniform_(Tensor tensor, double gain = 1) => xavier_uniform_(tensor, gain);
            public static Tensor glorot_normal_(Tensor tensor, double gain = 1) => xavier_normal_(tensor, gain);

            /// <summary>Kaiming uniform with a leaky-ReLU gain sqrt(2 / (1 + a^2)).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                var gain = Math.Sqrt(2.0 / (1 + a * a));
                var bound = Math.Sqrt(3.0) * gain / Math.Sqrt(mode == FanInOut.FanIn ? fanIn : fanOut);
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>Normal(mean, std) truncated to [a, b] by inverse-CDF sampling, as PyTorch's trunc_normal_.</summary>
            public static Tensor trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2, Generator? generator = null)
            {
                static double Cdf(double x) => (1 + Erf(x / Math.Sqrt(2))) / 2;
                var l = Cdf((a - mean) / std);
                var u = Cdf((b - mean) / std);
                using (no_grad())
                {
                    tensor.uniform_(2 * l - 1, 2 * u - 1, generator);
                    tensor.erfinv_();
                    tensor.mul_(std * Math.Sqrt(2));
                    tensor.add_(mean);
                    tensor.clamp_(a, b);
                }
                return tensor;
            }

            // .NET has no erf: Numerical Recipes' Chebyshev fit of erfc (relative error below 1.2e-7), enough for the bounds.
            private static double Erf(double x)
            {
                double t = 1.0 / (1.0 + 0.5 * Math.Abs(x));
                double y = 1 - t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
                return x >= 0 ? y : -y;
            }
        }
    }
}
