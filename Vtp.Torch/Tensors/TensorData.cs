// Copying data into and out of tensors: torch.tensor(...), data<T>(), item<T>() and the ToXxx conversions.
using System.Runtime.InteropServices;
using TorchSharp.Utils;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>The libtorch element type of a .NET element type.</summary>
    internal static ScalarType ElementType<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? ScalarType.Float32 :
        typeof(T) == typeof(double) ? ScalarType.Float64 :
        typeof(T) == typeof(long) ? ScalarType.Int64 :
        typeof(T) == typeof(int) ? ScalarType.Int32 :
        typeof(T) == typeof(short) ? ScalarType.Int16 :
        typeof(T) == typeof(byte) ? ScalarType.Byte :
        typeof(T) == typeof(sbyte) ? ScalarType.Int8 :
        typeof(T) == typeof(bool) ? ScalarType.Bool :
        typeof(T) == typeof(Half) ? ScalarType.Float16 :
        throw new NotSupportedException($"No tensor element type for {typeof(T).Name}.");

    /// <summary>Copies <paramref name="data"/> into a new tensor of the given shape (then converts dtype / moves device).</summary>
    internal static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, ScalarType? dtype, Device? device,
        bool requires_grad) where T : unmanaged
    {
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count != data.Length)
            throw new ArgumentException($"The shape [{string.Join(", ", shape.ToArray())}] holds {count} elements, but the data has {data.Length}.");
        var type = ElementType<T>();
        var target = device ?? CPU;
        bool convert = dtype.HasValue && dtype.Value != type;
        IntPtr h;
        fixed (T* p = data)
            h = vtp_from_data(p, (long)data.Length * sizeof(T), shape, shape.Length, (sbyte)type, (sbyte)target.type,
                target.index, requires_grad && !convert);
        var t = Tensor.From(h);
        if (!convert) return t;
        using (t)
        {
            var converted = t.to(dtype!.Value);
            if (requires_grad) converted.requires_grad = true;
            return converted;
        }
    }

    public static Tensor tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<float>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(double[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<double>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(long[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<long>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(int[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<int>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(byte[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<byte>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(bool[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<bool>(rawArray, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(float[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<float>(rawArray, [rawArray.Length], dtype, device, requires_grad);
    public static Tensor tensor(double[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<double>(rawArray, [rawArray.Length], dtype, device, requires_grad);
    public static Tensor tensor(long[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<long>(rawArray, [rawArray.Length], dtype, device, requires_grad);
    public static Tensor tensor(int[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<int>(rawArray, [rawArray.Length], dtype, device, requires_grad);
    public static Tensor tensor(bool[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<bool>(rawArray, [rawArray.Length], dtype, device, requires_grad);

    public static Tensor tensor(float scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<float>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<double>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<long>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(int scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<int>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromSpan<bool>([scalar], [], dtype, device, requires_grad);

    public partial class Tensor
    {
        /// <summary>Copies all elements, in row-major order, into <paramref name="destination"/> (whose element type must match).</summary>
        internal unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
        {
            var type = ElementType<T>();
            if (dtype != type)
                throw new InvalidOperationException($"The tensor's element type is {dtype}, not {type} ({typeof(T).Name}).");
            if (destination.Length != NumberOfElements)
                throw new ArgumentException($"The destination holds {destination.Length} elements, the tensor {NumberOfElements}.");
            fixed (T* p = destination) torch.Check(vtp_copy_out(Handle, p, (long)destination.Length * sizeof(T)));
        }

        /// <summary>A read accessor over a copy of the elements; the element type must match the tensor's.</summary>
        public TensorAccessor<T> data<T>() where T : unmanaged
        {
            var values = new T[NumberOfElements];
            CopyTo<T>(values);
            return new TensorAccessor<T>(values, shape);
        }

        /// <summary>The value of a one-element tensor, converted to <typeparamref name="T"/>.</summary>
        public T item<T>() where T : unmanaged
        {
            if (NumberOfElements != 1)
                throw new InvalidOperationException($"item() needs a tensor with one element, this one has {NumberOfElements}.");
            object value = typeof(T) == typeof(float) ? (float)ItemDouble() :
                typeof(T) == typeof(double) ? ItemDouble() :
                typeof(T) == typeof(long) ? ItemLong() :
                typeof(T) == typeof(int) ? (int)ItemLong() :
                typeof(T) == typeof(bool) ? ItemLong() != 0 :
                typeof(T) == typeof(byte) ? (byte)ItemLong() :
                throw new NotSupportedException($"item<{typeof(T).Name}> is not supported.");
            return (T)value;
        }

        private double ItemDouble()
        {
            var v = vtp_item_double(Handle);
            torch.CheckForErrors();
            return v;
        }

        private long ItemLong()
        {
            var v = vtp_item_long(Handle);
            torch.CheckForErrors();
            return v;
        }

        public float ToSingle() => item<float>();
        public double ToDouble() => item<double>();
        public long ToInt64() => item<long>();
        public int ToInt32() => item<int>();
        public bool ToBoolean() => item<bool>();
    }
}
