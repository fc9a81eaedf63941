// Views, joins and splits: view/reshape/permute/transpose, cat/stack, chunk/split, expand/repeat and friends.
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor view(params long[] shape) => From(vtp_view(Handle, shape, shape.Length));
        public Tensor reshape(params long[] shape) => From(vtp_reshape(Handle, shape, shape.Length));
        public Tensor permute(params long[] permutation) => From(vtp_permute(Handle, permutation, permutation.Length));
        public Tensor transpose(long dim0, long dim1) => From(vtp_transpose(Handle, dim0, dim1));
        public Tensor t() => transpose(0, 1);
        public Tensor T => Dimensions < 2 ? alias() : permute(Enumerable.Range(0, (int)Dimensions).Reverse().Select(i => (long)i).ToArray());
        public Tensor mT => transpose(-2, -1);
        public Tensor flatten(long start_dim = 0, long end_dim = -1) => From(vtp_flatten(Handle, start_dim, end_dim));
        public Tensor unflatten(long dim, params long[] sizes) => From(vtp_unflatten(Handle, dim, sizes, sizes.Length));
        public Tensor unsqueeze(long dim) => From(vtp_unsqueeze(Handle, dim));
        public Tensor squeeze() => From(vtp_squeeze(Handle, 0, true));
        public Tensor squeeze(long dim) => From(vtp_squeeze(Handle, dim, false));
        public Tensor expand(params long[] sizes) => From(vtp_expand(Handle, sizes, sizes.Length));
        public Tensor expand_as(Tensor other) => expand(other.shape);
        public Tensor broadcast_to(params long[] shape) => expand(shape);
        public Tensor view_as(Tensor other) => view(other.shape);
        public Tensor repeat(params long[] sizes) => From(vtp_repeat(Handle, sizes, sizes.Length));
        public Tensor repeat_interleave(long repeats, long? dim = null, long? output_size = null) =>
            dim.HasValue ? From(vtp_repeat_interleave(Handle, repeats, dim.Value)) : flatten().repeat_interleave(repeats, 0);
        public Tensor narrow(long dim, long start, long length) => From(vtp_narrow(Handle, dim, start, length));
        public Tensor select(long dim, long index) => From(vtp_select(Handle, dim, index));
        public Tensor flip(params long[] dims) => From(vtp_flip(Handle, dims, dims.Length));
        public Tensor roll(long[] shifts, long[] dims) => From(vtp_roll(Handle, shifts, dims, shifts.Length));
        public Tensor tril(long diagonal = 0) => From(vtp_tril(Handle, diagonal, false));
        public Tensor triu(long diagonal = 0) => From(vtp_tril(Handle, diagonal, true));

        public Tensor[] chunk(long chunks, long dim = 0)
        {
            var handles = new IntPtr[chunks];
            var n = vtp_chunk(Handle, chunks, dim, handles, chunks);
            if (n < 0) torch.CheckForErrors();
            return handles.Take((int)n).Select(h => new Tensor(h)).ToArray();
        }

        public Tensor[] split(long[] sizes, long dim = 0)
        {
            var handles = new IntPtr[sizes.Length];
            if (vtp_split(Handle, sizes, sizes.Length, dim, handles) < 0) torch.CheckForErrors();
            return handles.Select(h => new Tensor(h)).ToArray();
        }

        public Tensor[] split(long size, long dim = 0)
        {
            var total = this.size((int)dim);
            var sizes = new List<long>();
            for (long start = 0; start < total; start += size) sizes.Add(Math.Min(size, total - start));
            return split(sizes.ToArray(), dim);
        }

        public Tensor gather(long dim, Tensor index) => From(vtp_gather(Handle, dim, index.Handle));
        public Tensor scatter(long dim, Tensor index, Tensor src) => From(vtp_scatter(Handle, dim, index.Handle, src.Handle, 0, false));
        public Tensor scatter_(long dim, Tensor index, Tensor src) => ScatterInPlace(dim, index, src, 0);
        public Tensor scatter_add(long dim, Tensor index, Tensor src) => From(vtp_scatter(Handle, dim, index.Handle, src.Handle, 1, false));
        public Tensor scatter_add_(long dim, Tensor index, Tensor src) => ScatterInPlace(dim, index, src, 1);

        private Tensor ScatterInPlace(long dim, Tensor index, Tensor src, int mode)
        {
            torch.Check(vtp_scatter(Handle, dim, index.Handle, src.Handle, mode, true));
            return this;
        }

        public Tensor index_select(long dim, Tensor index) => From(vtp_index_select(Handle, dim, index.Handle));
        public Tensor masked_fill(Tensor mask, Scalar value) => From(vtp_masked_fill(Handle, mask.Handle, value.Kind, value.Double, value.Long, false));
        public Tensor masked_fill_(Tensor mask, Scalar value)
        {
            torch.Check(vtp_masked_fill(Handle, mask.Handle, value.Kind, value.Double, value.Long, true));
            return this;
        }
        public Tensor masked_select(Tensor mask) => From(vtp_masked_select(Handle, mask.Handle));
        public Tensor nonzero() => From(vtp_nonzero(Handle));
        public Tensor where(Tensor condition, Tensor other) => torch.where(condition, this, other);
    }

    private static Tensor Join(Func<IntPtr[], IntPtr> join, IList<Tensor> tensors)
    {
        if (tensors.Count == 0) throw new ArgumentException("Expected at least one tensor.", nameof(tensors));
        return Tensor.From(join(tensors.Select(t => t.Handle).ToArray()));
    }

    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => Join(h => vtp_cat(h, h.Length, dim), tensors);
    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => Join(h => vtp_stack(h, h.Length, dim), tensors.ToList());
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => Tensor.From(vtp_where(condition.Handle, x.Handle, y.Handle));
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
}
