// Tensor factories: empty, zeros, ones, full, arange, linspace, eye and the *_like forms.
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    private delegate IntPtr ShapeFactory(ReadOnlySpan<long> shape, long ndim, sbyte dtype, sbyte deviceType, int deviceIndex, bool requiresGrad);

    private static Tensor Create(ShapeFactory factory, ReadOnlySpan<long> size, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var d = device ?? CPU;
        return Tensor.From(factory(size, size.Length, (sbyte)(dtype ?? ScalarType.Float32), (sbyte)d.type, d.index, requires_grad));
    }

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_empty, size, dtype, device, requires_grad);
    public static Tensor empty(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_empty, size, dtype, device, requires_grad);
    public static Tensor empty(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_empty, [size], dtype, device, requires_grad);
    public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_empty, [rows, columns], dtype, device, requires_grad);
    public static Tensor empty(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_empty, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor empty(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_empty, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_zeros, size, dtype, device, requires_grad);
    public static Tensor zeros(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_zeros, size, dtype, device, requires_grad);
    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_zeros, [size], dtype, device, requires_grad);
    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_zeros, [rows, columns], dtype, device, requires_grad);
    public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_zeros, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor zeros(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_zeros, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_ones, size, dtype, device, requires_grad);
    public static Tensor ones(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_ones, size, dtype, device, requires_grad);
    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_ones, [size], dtype, device, requires_grad);
    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_ones, [rows, columns], dtype, device, requires_grad);
    public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_ones, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor ones(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Create(vtp_ones, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        var type = dtype ?? (value.Kind == 0 ? ScalarType.Float32 : value.Kind == 1 ? ScalarType.Int64 : ScalarType.Bool);
        return Tensor.From(vtp_full(size, size.Length, value.Kind, value.Double, value.Long, (sbyte)type, (sbyte)d.type, d.index, requires_grad));
    }

    public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([size], value, dtype, device, requires_grad);
    public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([rows, columns], value, dtype, device, requires_grad);

    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros(input.shape, dtype ?? input.dtype, device ?? input.device, requires_grad);
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones(input.shape, dtype ?? input.dtype, device ?? input.device, requires_grad);
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty(input.shape, dtype ?? input.dtype, device ?? input.device, requires_grad);
    public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full(input.shape, value, dtype ?? input.dtype, device ?? input.device, requires_grad);

    /// <summary>Values from start to stop (exclusive) by step; integral arguments give int64 unless a dtype is given.</summary>
    public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        var type = dtype ?? (start.Kind == 0 || stop.Kind == 0 || step.Kind == 0 ? ScalarType.Float32 : ScalarType.Int64);
        return Tensor.From(vtp_arange(start.ToDouble(), stop.ToDouble(), step.ToDouble(), (sbyte)type, (sbyte)d.type, d.index, requires_grad));
    }

    public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(start, stop, 1, dtype, device, requires_grad);
    public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0, stop, 1, dtype, device, requires_grad);

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        return Tensor.From(vtp_linspace(start, end, steps, (sbyte)(dtype ?? ScalarType.Float32), (sbyte)d.type, d.index, requires_grad));
    }

    public static Tensor eye(long rows, long columns = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        return Tensor.From(vtp_eye(rows, columns < 0 ? rows : columns, (sbyte)(dtype ?? ScalarType.Float32), (sbyte)d.type, d.index, requires_grad));
    }
}
