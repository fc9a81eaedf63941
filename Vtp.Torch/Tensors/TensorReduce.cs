// Reductions, sorting, selection and softmax.
using TorchSharp.Native;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        private Tensor Reduce(ReduceOp op, ReadOnlySpan<long> dims, bool keepdim = false, ScalarType? type = null) =>
            From(vtp_reduce(Handle, (int)op, dims, dims.Length, keepdim, (sbyte)(type.HasValue ? (sbyte)type.Value : -1)));

        public Tensor sum(ScalarType? type = null) => Reduce(ReduceOp.Sum, [], false, type);
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.Sum, dim, keepdim, type);
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.Sum, [dim], keepdim, type);
        public Tensor mean() => Reduce(ReduceOp.Mean, []);
        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.Mean, dimensions, keepdim, type);
        public Tensor prod(ScalarType? type = null) => Reduce(ReduceOp.Prod, [], false, type);
        public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.Prod, [dim], keepdim, type);
        public Tensor amax(long[] dims, bool keepdim = false) => Reduce(ReduceOp.Amax, dims, keepdim);
        public Tensor amin(long[] dims, bool keepdim = false) => Reduce(ReduceOp.Amin, dims, keepdim);
        public Tensor max() => Reduce(ReduceOp.Amax, []);
        public Tensor min() => Reduce(ReduceOp.Amin, []);
        public Tensor max(Tensor other) => maximum(other);
        public Tensor min(Tensor other) => minimum(other);
        public Tensor logsumexp(long dim, bool keepdim = false) => Reduce(ReduceOp.LogSumExp, [dim], keepdim);
        public Tensor all() => Reduce(ReduceOp.All, []);
        public Tensor all(long dim, bool keepdim = false) => Reduce(ReduceOp.All, [dim], keepdim);
        public Tensor any() => Reduce(ReduceOp.Any, []);
        public Tensor any(long dim, bool keepdim = false) => Reduce(ReduceOp.Any, [dim], keepdim);
        public Tensor count_nonzero(long[]? dims = null) => Reduce(ReduceOp.CountNonzero, dims ?? []);

        public Tensor var(bool unbiased = true) => From(vtp_var(Handle, [], 0, unbiased, false, false));
        public Tensor var(long[] dimensions, bool unbiased = true, bool keepdim = false) =>
            From(vtp_var(Handle, dimensions, dimensions.Length, unbiased, keepdim, false));
        public Tensor var(long dimension, bool unbiased = true, bool keepdim = false) => var([dimension], unbiased, keepdim);
        public Tensor std(bool unbiased = true) => From(vtp_var(Handle, [], 0, unbiased, false, true));
        public Tensor std(long[] dimensions, bool unbiased = true, bool keepdim = false) =>
            From(vtp_var(Handle, dimensions, dimensions.Length, unbiased, keepdim, true));
        public Tensor std(long dimension, bool unbiased = true, bool keepdim = false) => std([dimension], unbiased, keepdim);

        public Tensor norm(float p = 2) => From(vtp_norm(Handle, p, [], 0, false));
        public Tensor norm(int dim, bool keepdim = false, float p = 2) => From(vtp_norm(Handle, p, [dim], 1, keepdim));

        private (Tensor values, Tensor indexes) ValuesIndices(ValuesIndicesOp op, long dim, bool keepdim, long k = 0, bool flag = false)
        {
            torch.Check(vtp_values_indices(Handle, (int)op, dim, keepdim, k, flag, out var values, out var indices));
            return (new Tensor(values), new Tensor(indices));
        }

        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => ValuesIndices(ValuesIndicesOp.Max, dim, keepdim);
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => ValuesIndices(ValuesIndicesOp.Min, dim, keepdim);
        public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false) =>
            ValuesIndices(ValuesIndicesOp.Sort, dim, false, 0, descending);
        public (Tensor values, Tensor indices) topk(int k, int dim = -1, bool largest = true, bool sorted = true) =>
            ValuesIndices(ValuesIndicesOp.TopK, dim, false, k, largest);
        public (Tensor values, Tensor indices) mode(long dim = -1, bool keepdim = false) => ValuesIndices(ValuesIndicesOp.Mode, dim, keepdim);
        public (Tensor values, Tensor indices) kthvalue(long k, long? dim, bool keepdim = false) =>
            ValuesIndices(ValuesIndicesOp.KthValue, dim ?? -1, keepdim, k);

        public Tensor argmax() => From(vtp_arg(Handle, (int)ArgOp.ArgMax, false, 0, false, false));
        public Tensor argmax(long dim, bool keepdim = false) => From(vtp_arg(Handle, (int)ArgOp.ArgMax, true, dim, keepdim, false));
        public Tensor argmin() => From(vtp_arg(Handle, (int)ArgOp.ArgMin, false, 0, false, false));
        public Tensor argmin(long dim, bool keepdim = false) => From(vtp_arg(Handle, (int)ArgOp.ArgMin, true, dim, keepdim, false));
        public Tensor argsort(long dim = -1, bool descending = false) => From(vtp_arg(Handle, (int)ArgOp.ArgSort, true, dim, false, descending));
        public Tensor cumsum(long dim, ScalarType? type = null) => From(vtp_cumsum(Handle, dim, (sbyte)(type.HasValue ? (sbyte)type.Value : -1)));

        public Tensor softmax(long dim, ScalarType? dtype = null) => From(vtp_softmax(Handle, dim, (sbyte)(dtype.HasValue ? (sbyte)dtype.Value : -1), false));
        public Tensor log_softmax(long dim, ScalarType? dtype = null) => From(vtp_softmax(Handle, dim, (sbyte)(dtype.HasValue ? (sbyte)dtype.Value : -1), true));
    }

    public static Tensor sum(Tensor input, ScalarType? type = null) => input.sum(type);
    public static Tensor mean(Tensor input) => input.mean();
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    public static (Tensor values, Tensor indices) topk(Tensor input, int k, int dim = -1, bool largest = true, bool sorted = true) =>
        input.topk(k, dim, largest, sorted);
    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) =>
        input.sort(dim, descending, stable);
    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
}
