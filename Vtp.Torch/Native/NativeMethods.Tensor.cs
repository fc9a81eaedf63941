// P/Invoke declarations for native/src/tensor_create.cpp and tensor_data.cpp.
using System.Runtime.InteropServices;

namespace TorchSharp.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr vtp_empty(ReadOnlySpan<long> shape, long ndim, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_zeros(ReadOnlySpan<long> shape, long ndim, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_ones(ReadOnlySpan<long> shape, long ndim, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_full(ReadOnlySpan<long> shape, long ndim, sbyte kind, double d, long l, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_arange(double start, double end, double step, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_linspace(double start, double end, long steps, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_eye(long n, long m, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_rand(ReadOnlySpan<long> shape, long ndim, IntPtr generator, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_randn(ReadOnlySpan<long> shape, long ndim, IntPtr generator, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_randint(long low, long high, ReadOnlySpan<long> shape, long ndim, IntPtr generator, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_randperm(long n, IntPtr generator, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_multinomial(IntPtr probs, long samples, [MarshalAs(UnmanagedType.U1)] bool replacement, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_bernoulli(IntPtr probs, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int vtp_random_fill_(IntPtr t, int kind, double a, double b, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_from_data(void* data, long nbytes, ReadOnlySpan<long> shape, long ndim, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);

    [LibraryImport(Lib)] internal static partial void vtp_free(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_alias(IntPtr t);
    [LibraryImport(Lib)] internal static partial long vtp_ndim(IntPtr t);
    [LibraryImport(Lib)] internal static partial long vtp_numel(IntPtr t);
    [LibraryImport(Lib)] internal static partial long vtp_size(IntPtr t, long dim);
    [LibraryImport(Lib)] internal static partial void vtp_shape(IntPtr t, Span<long> shape);
    [LibraryImport(Lib)] internal static partial void vtp_strides(IntPtr t, Span<long> strides);
    [LibraryImport(Lib)] internal static partial sbyte vtp_dtype(IntPtr t);
    [LibraryImport(Lib)] internal static partial sbyte vtp_device_type(IntPtr t);
    [LibraryImport(Lib)] internal static partial int vtp_device_index(IntPtr t);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_is_contiguous(IntPtr t);
    [LibraryImport(Lib)] internal static partial long vtp_element_size(IntPtr t);
    [LibraryImport(Lib)] internal static partial int vtp_copy_out(IntPtr t, void* dst, long nbytes);
    [LibraryImport(Lib)] internal static partial double vtp_item_double(IntPtr t);
    [LibraryImport(Lib)] internal static partial long vtp_item_long(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_to(IntPtr t, sbyte dtype, sbyte deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool copy);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_clone(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_contiguous(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_detach(IntPtr t);
    [LibraryImport(Lib)] internal static partial int vtp_copy_(IntPtr t, IntPtr src);
    [LibraryImport(Lib)] internal static partial int vtp_fill_(IntPtr t, sbyte kind, double d, long l);
    [LibraryImport(Lib)] internal static partial int vtp_zero_(IntPtr t);

    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_requires_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int vtp_set_requires_grad(IntPtr t, [MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_is_leaf(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int vtp_set_grad(IntPtr t, IntPtr grad);
    [LibraryImport(Lib)] internal static partial int vtp_backward(IntPtr t, IntPtr grad, [MarshalAs(UnmanagedType.U1)] bool retainGraph, [MarshalAs(UnmanagedType.U1)] bool createGraph);
    [LibraryImport(Lib)] internal static partial int vtp_retain_grad(IntPtr t);
}
