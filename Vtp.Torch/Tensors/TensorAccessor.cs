// TensorAccessor<T>: a tensor's elements copied out to managed memory.
namespace TorchSharp.Utils;

/// <summary>Elements of a tensor copied out to managed memory, indexable flat or by coordinates.</summary>
public sealed class TensorAccessor<T> : IEnumerable<T> where T : unmanaged
{
    private readonly T[] values;
    private readonly long[] shape;

    internal TensorAccessor(T[] values, long[] shape) { this.values = values; this.shape = shape; }

    public long Count => values.Length;

    public T this[long index] => values[index];

    public T this[params long[] indices]
    {
        get
        {
            if (indices.Length != shape.Length)
                throw new ArgumentException($"Expected {shape.Length} indices, got {indices.Length}.");
            long flat = 0;
            for (int i = 0; i < indices.Length; i++) flat = flat * shape[i] + indices[i];
            return values[flat];
        }
    }

    public T[] ToArray() => (T[])values.Clone();

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)values).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => values.GetEnumerator();
}
