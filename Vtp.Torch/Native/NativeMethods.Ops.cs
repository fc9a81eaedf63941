// P/Invoke declarations for native/src/tensor_shape.cpp, tensor_math.cpp and nn_ops.cpp.
using System.Runtime.InteropServices;

namespace TorchSharp.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr vtp_view(IntPtr t, ReadOnlySpan<long> shape, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_reshape(IntPtr t, ReadOnlySpan<long> shape, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_permute(IntPtr t, ReadOnlySpan<long> order, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_transpose(IntPtr t, long a, long b);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_flatten(IntPtr t, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_unflatten(IntPtr t, long dim, ReadOnlySpan<long> sizes, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_unsqueeze(IntPtr t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_squeeze(IntPtr t, long dim, [MarshalAs(UnmanagedType.U1)] bool all);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_expand(IntPtr t, ReadOnlySpan<long> shape, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_repeat(IntPtr t, ReadOnlySpan<long> reps, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_repeat_interleave(IntPtr t, long repeats, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_narrow(IntPtr t, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_select(IntPtr t, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_flip(IntPtr t, ReadOnlySpan<long> dims, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_roll(IntPtr t, ReadOnlySpan<long> shifts, ReadOnlySpan<long> dims, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_tril(IntPtr t, long diagonal, [MarshalAs(UnmanagedType.U1)] bool upper);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_cat(ReadOnlySpan<IntPtr> ts, long n, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_stack(ReadOnlySpan<IntPtr> ts, long n, long dim);
    [LibraryImport(Lib)] internal static partial long vtp_chunk(IntPtr t, long chunks, long dim, Span<IntPtr> output, long capacity);
    [LibraryImport(Lib)] internal static partial long vtp_split(IntPtr t, ReadOnlySpan<long> sizes, long n, long dim, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_index(IntPtr t, ReadOnlySpan<sbyte> kinds, ReadOnlySpan<long> values, ReadOnlySpan<IntPtr> tensors, long n);
    [LibraryImport(Lib)] internal static partial int vtp_index_put_(IntPtr t, ReadOnlySpan<sbyte> kinds, ReadOnlySpan<long> values, ReadOnlySpan<IntPtr> tensors, long n, IntPtr value, sbyte kind, double d, long l);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_gather(IntPtr t, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_scatter(IntPtr t, long dim, IntPtr index, IntPtr src, int mode, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_index_select(IntPtr t, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_masked_fill(IntPtr t, IntPtr mask, sbyte kind, double d, long l, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_masked_select(IntPtr t, IntPtr mask);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_where(IntPtr cond, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_nonzero(IntPtr t);

    [LibraryImport(Lib)] internal static partial IntPtr vtp_unary(IntPtr t, int op, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_binary(IntPtr a, IntPtr b, int op, sbyte akind, double ad, long al, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_binary_scalar(IntPtr a, sbyte kind, double d, long l, int op, sbyte akind, double ad, long al, [MarshalAs(UnmanagedType.U1)] bool inplace, [MarshalAs(UnmanagedType.U1)] bool reverse);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_addc(IntPtr t, IntPtr a, IntPtr b, int op, sbyte kind, double d, long l, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_lerp(IntPtr t, IntPtr end, double weight, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_clamp(IntPtr t, [MarshalAs(UnmanagedType.U1)] bool hasMin, double min, [MarshalAs(UnmanagedType.U1)] bool hasMax, double max, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_matmul(IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_mm(IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_bmm(IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_baddbmm(IntPtr t, IntPtr a, IntPtr b, double beta, double alpha);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_addmm(IntPtr t, IntPtr a, IntPtr b, double beta, double alpha);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr vtp_einsum(string equation, ReadOnlySpan<IntPtr> ts, long n);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_reduce(IntPtr t, int op, ReadOnlySpan<long> dims, long n, [MarshalAs(UnmanagedType.U1)] bool keepdim, sbyte dtype);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_var(IntPtr t, ReadOnlySpan<long> dims, long n, [MarshalAs(UnmanagedType.U1)] bool unbiased, [MarshalAs(UnmanagedType.U1)] bool keepdim, [MarshalAs(UnmanagedType.U1)] bool std);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_norm(IntPtr t, double p, ReadOnlySpan<long> dims, long n, [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib)] internal static partial int vtp_values_indices(IntPtr t, int op, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim, long k, [MarshalAs(UnmanagedType.U1)] bool flag, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_arg(IntPtr t, int op, [MarshalAs(UnmanagedType.U1)] bool hasDim, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim, [MarshalAs(UnmanagedType.U1)] bool flag);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_cumsum(IntPtr t, long dim, sbyte dtype);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_softmax(IntPtr t, long dim, sbyte dtype, [MarshalAs(UnmanagedType.U1)] bool log);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_allclose(IntPtr a, IntPtr b, double rtol, double atol, [MarshalAs(UnmanagedType.U1)] bool equalNan);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_equal(IntPtr a, IntPtr b);

    [LibraryImport(Lib)] internal static partial IntPtr vtp_linear(IntPtr x, IntPtr w, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_layer_norm(IntPtr x, ReadOnlySpan<long> shape, long n, IntPtr w, IntPtr b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_dropout(IntPtr x, double p, [MarshalAs(UnmanagedType.U1)] bool train, [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_embedding(IntPtr weight, IntPtr ids, long paddingIdx);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_conv3d(IntPtr x, IntPtr w, IntPtr b, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, ReadOnlySpan<long> dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_one_hot(IntPtr ids, long classes);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_pad(IntPtr x, ReadOnlySpan<long> pad, long n, double value);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_cross_entropy(IntPtr logits, IntPtr target, IntPtr weight, long reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_nll_loss(IntPtr logp, IntPtr target, IntPtr weight, long reduction, long ignoreIndex);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_mse_loss(IntPtr a, IntPtr b, long reduction);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_scaled_dot_product_attention(IntPtr q, IntPtr k, IntPtr v, IntPtr mask, double dropout, [MarshalAs(UnmanagedType.U1)] bool causal);
}
