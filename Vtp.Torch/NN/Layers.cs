// The layer factories of torch.nn (the module classes live in TorchSharp.Modules, one per file).
using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, outputSize, hasBias, device, dtype);

        public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true,
            Device? device = null, ScalarType? dtype = null) =>
            new([normalized_shape], eps, elementwise_affine, bias, device, dtype);

        public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true,
            Device? device = null, ScalarType? dtype = null) =>
            new(normalized_shape, eps, elementwise_affine, bias, device, dtype);

        public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, Device? device = null,
            ScalarType? dtype = null) =>
            new(num_embeddings, embedding_dims, padding_idx, device, dtype);

        public static Conv3d Conv3d(long in_channels, long out_channels, (long, long, long) kernel_size, (long, long, long)? stride = null,
            (long, long, long)? padding = null, (long, long, long)? dilation = null, long groups = 1, bool bias = true,
            Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernel_size, stride ?? (1, 1, 1), padding ?? (0, 0, 0), dilation ?? (1, 1, 1), groups, bias, device, dtype);

        public static Conv3d Conv3d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
            long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            Conv3d(in_channels, out_channels, (kernel_size, kernel_size, kernel_size), (stride, stride, stride), (padding, padding, padding),
                (dilation, dilation, dilation), groups, bias, device, dtype);

        public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);
        public static GELU GELU() => new(Modules.GELU.Approximate.none, false);
        public static GELU GELU(bool inplace) => new(Modules.GELU.Approximate.none, inplace);
        public static GELU GELU(Modules.GELU.Approximate approximate, bool inplace = false) => new(approximate, inplace);
        public static Identity Identity() => new();

        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        public static ModuleList<Module> ModuleList(params Module[] modules) => new(modules);

        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules.Select((m, i) => (i.ToString(), m)));
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

        public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
    }
}
