// torch.nn.utils: gradient clipping by total norm or by value.
using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static class utils
        {
            /// <summary>Scales all gradients so their joint p-norm is at most max_norm; returns the norm before clipping.</summary>
            public static double clip_grad_norm_(IEnumerable<Parameter> tensors, double max_norm, double norm_type = 2)
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var grads = tensors.Select(p => p.grad).Where(g => g is not null).Select(g => g!).ToList();
                if (grads.Count == 0) return 0;
                var norms = grads.Select(g => g.norm((float)norm_type)).ToList();
                var total = double.IsPositiveInfinity(norm_type)
                    ? stack(norms).max().ToDouble()
                    : stack(norms).norm((float)norm_type).ToDouble();
                var coefficient = max_norm / (total + 1e-6);
                if (coefficient < 1)
                    foreach (var g in grads) g.mul_(coefficient);
                return total;
            }

            /// <summary>Clamps every gradient element to [-clip_value, clip_value].</summary>
            public static void clip_grad_value_(IEnumerable<Parameter> tensors, double clip_value)
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                foreach (var p in tensors)
                    p.grad?.clamp_(-clip_value, clip_value);
            }
        }
    }
}
