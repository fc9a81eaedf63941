// Python-style indexing: t[0], t[.., 1], t[TensorIndex.Slice(1, null, 2)], t[mask], t[index] and assignment.
using TorchSharp.Native;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>One index of an indexing expression: None, Ellipsis, an integer, a slice, a boolean or a tensor.</summary>
    public sealed class TensorIndex
    {
        internal readonly IndexKind Kind;
        internal readonly long? StartOrIndex, Stop, Step;
        internal readonly torch.Tensor? IndexTensor;

        private TensorIndex(IndexKind kind, long? a = null, long? b = null, long? c = null, Tensor? tensor = null)
        {
            Kind = kind; StartOrIndex = a; Stop = b; Step = c; IndexTensor = tensor;
        }

        public static TensorIndex None { get; } = new(IndexKind.None);
        public static TensorIndex Ellipsis { get; } = new(IndexKind.Ellipsis);
        public static TensorIndex Colon { get; } = new(IndexKind.Slice);
        public static TensorIndex Single(long? index) => new(IndexKind.Single, index ?? throw new ArgumentNullException(nameof(index)));
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) => new(IndexKind.Slice, start, stop, step);
        public static TensorIndex Bool(bool value) => new(IndexKind.Boolean, value ? 1 : 0);
        public static TensorIndex Tensor(Tensor index) => new(IndexKind.Tensor, tensor: index);

        public static implicit operator TensorIndex(long index) => Single(index);
        public static implicit operator TensorIndex(int index) => Single(index);
        public static implicit operator TensorIndex(Tensor tensor) => Tensor(tensor);

        /// <summary>A C# range: <c>..</c> is ':', <c>1..</c> is '1:', <c>..^1</c> is ':-1'.</summary>
        public static implicit operator TensorIndex(Range range) =>
            Slice(Bound(range.Start, isEnd: false), Bound(range.End, isEnd: true));

        private static long? Bound(Index index, bool isEnd)
        {
            if (index.IsFromEnd) return index.Value == 0 ? null : -index.Value;
            return isEnd && index.Value == 0 && index.Equals(Index.End) ? null : index.Value;
        }
    }

    public partial class Tensor
    {
        private const long Omitted = long.MinValue;  // native/src/tensor_shape.cpp: LLONG_MIN = omitted slice bound

        private static (sbyte[] kinds, long[] values, IntPtr[] tensors) Encode(TensorIndex[] indices)
        {
            var kinds = new sbyte[indices.Length];
            var values = new long[3 * indices.Length];
            var tensors = new IntPtr[indices.Length];
            for (int i = 0; i < indices.Length; i++)
            {
                var index = indices[i];
                kinds[i] = (sbyte)index.Kind;
                values[3 * i] = index.StartOrIndex ?? Omitted;
                values[3 * i + 1] = index.Stop ?? Omitted;
                values[3 * i + 2] = index.Step ?? Omitted;
                tensors[i] = index.IndexTensor?.Handle ?? IntPtr.Zero;
            }
            return (kinds, values, tensors);
        }

        public Tensor index(params TensorIndex[] indices)
        {
            var (kinds, values, tensors) = Encode(indices);
            return From(vtp_index(Handle, kinds, values, tensors, indices.Length));
        }

        public Tensor index(params Tensor[] indices) => index(indices.Select(TensorIndex.Tensor).ToArray());

        public Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            var (kinds, values, tensors) = Encode(indices);
            torch.Check(vtp_index_put_(Handle, kinds, values, tensors, indices.Length, value.Handle, 0, 0, 0));
            return this;
        }

        public Tensor index_put_(Scalar value, params TensorIndex[] indices)
        {
            var (kinds, values, tensors) = Encode(indices);
            torch.Check(vtp_index_put_(Handle, kinds, values, tensors, indices.Length, IntPtr.Zero, value.Kind, value.Double, value.Long));
            return this;
        }

        public Tensor this[params TensorIndex[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        public Tensor this[long i0] { get => index(i0); set => index_put_(value, i0); }
        public Tensor this[long i0, long i1] { get => index(i0, i1); set => index_put_(value, i0, i1); }
        public Tensor this[Tensor index] { get => this.index(TensorIndex.Tensor(index)); set => index_put_(value, TensorIndex.Tensor(index)); }
    }
}
