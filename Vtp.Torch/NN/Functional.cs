// torch.nn.functional: the stateless forms of the layers and losses (fused libtorch kernels where they exist).
using TorchSharp.Modules;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public enum Reduction : long { None = 0, Mean = 1, Sum = 2 }

        public static partial class functional
        {
            private static IntPtr Opt(Tensor? t) => t?.Handle ?? IntPtr.Zero;

            /// <summary>y = x W^T + b; x [*, in], W [out, in], b [out] -> [*, out].</summary>
            public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null) =>
                Tensor.From(vtp_linear(input.Handle, weights.Handle, Opt(bias)));

            /// <summary>Normalises over the trailing <paramref name="normalized_shape"/> dims, then scales and shifts.</summary>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-05) =>
                Tensor.From(vtp_layer_norm(input.Handle, normalized_shape, normalized_shape.Length, Opt(weight), Opt(bias), eps));

            public static Tensor gelu(Tensor x) => x.gelu();
            public static Tensor gelu(Tensor x, Modules.GELU.Approximate approximate, bool inplace = false) =>
                Tensor.From(vtp_unary(x.Handle, (int)(approximate == Modules.GELU.Approximate.tanh ? Native.UnaryOp.GeluTanh : Native.UnaryOp.Gelu), false));

            public static Tensor relu(Tensor x, bool inplace = false) => inplace ? x.relu_() : x.relu();

            /// <summary>Zeroes elements with probability p and scales the rest by 1/(1-p) when training.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability has to be between 0 and 1, but got {p}");
                if (!inplace) return Tensor.From(vtp_dropout(input.Handle, p, training, false));
                torch.Check(vtp_dropout(input.Handle, p, training, true));
                return input;
            }

            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
            public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);

            /// <summary>Cross entropy of logits [N, C] (or [N, C, d...]) against class indices; targets equal to ignore_index are skipped.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0) =>
                Tensor.From(vtp_cross_entropy(input.Handle, target.Handle, Opt(weight), (long)reduction, ignore_index, label_smoothing));

            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
                Tensor.From(vtp_nll_loss(input.Handle, target.Handle, Opt(weight), (long)reduction, -100));

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Tensor.From(vtp_mse_loss(input.Handle, target.Handle, (long)reduction));

            /// <summary>x / max(||x||_p, eps) along <paramref name="dim"/>.</summary>
            public static Tensor normalize(Tensor input, double p = 2, long dim = 1, double eps = 1e-12)
            {
                using var scope = NewDisposeScope();
                var norm = Tensor.From(vtp_norm(input.Handle, p, [dim], 1, true)).clamp_min(eps);
                return (input / norm.expand_as(input)).MoveToOuterDisposeScope();
            }

            /// <summary>softmax(q k^T / sqrt(hs) + attn_mask) v for q, k, v [B, nh, T, hs]; the mask is added to the logits.</summary>
            public static Tensor scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = null, double p = 0, bool is_casual = false) =>
                Tensor.From(vtp_scaled_dot_product_attention(query.Handle, key.Handle, value.Handle, Opt(attn_mask), p, is_casual));

            public static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null) =>
                Tensor.From(vtp_embedding(weight.Handle, input.Handle, padding_idx ?? -1));

            public static Tensor conv3d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null,
                long[]? dilation = null, long groups = 1) =>
                Tensor.From(vtp_conv3d(input.Handle, weight.Handle, Opt(bias), Triple(strides, 1), Triple(padding, 0), Triple(dilation, 1), groups));

            private static long[] Triple(long[]? values, long fallback) => values switch
            {
                null => [fallback, fallback, fallback],
                { Length: 1 } => [values[0], values[0], values[0]],
                { Length: 3 } => values,
                _ => throw new ArgumentException($"Expected 1 or 3 values, got {values.Length}."),
            };

            public static Tensor one_hot(Tensor x, long num_classes = -1) => Tensor.From(vtp_one_hot(x.Handle, num_classes));

            public static Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                if (mode != PaddingModes.Constant) throw new NotSupportedException($"Padding mode {mode} is not supported; only Constant.");
                return Tensor.From(vtp_pad(input.Handle, pad, pad.Length, value));
            }
        }
    }
}

public enum PaddingModes { Zeros = 0, Reflect = 1, Replicate = 2, Circular = 3, Constant = 4 }
