#nullable disable
using System.Collections;

namespace Microsoft.ML.Data;

/// <summary>
/// A vector value, dense or sparse: the representation of every <see cref="VectorDataViewType"/> column. A sparse
/// buffer stands for a dense one whose unlisted entries hold <c>default(T)</c>. The arrays are owned by the buffer and
/// may be reused by <see cref="VBufferEditor{T}"/>, so copy values out rather than keeping the spans.
/// </summary>
/// <typeparam name="T">The item type; assignment must make an independent copy (numbers, text, booleans).</typeparam>
public readonly struct VBuffer<T> : IEnumerable
{
    private readonly T[] _values;
    private readonly int[] _indices;
    private readonly int _count;

    /// <summary>The logical length: explicit plus implicit entries.</summary>
    public readonly int Length;

    /// <summary>Creates a dense buffer of <paramref name="length"/> over the first values of <paramref name="values"/>.</summary>
    /// <param name="length">The logical length.</param>
    /// <param name="values">At least <paramref name="length"/> values; the buffer takes ownership.</param>
    /// <param name="indices">An optional spare indices array kept for later reuse.</param>
    public VBuffer(int length, T[] values, int[] indices = null)
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), $"Length must be non-negative, got {length}.");
        if ((values?.Length ?? 0) < length)
            throw new ArgumentOutOfRangeException(nameof(values), $"Need at least {length} values, got {values?.Length ?? 0}.");
        Length = length;
        _count = length;
        _values = values;
        _indices = indices;
    }

    /// <summary>Creates a buffer with <paramref name="count"/> explicit entries; dense when it equals <paramref name="length"/>.</summary>
    /// <param name="length">The logical length.</param>
    /// <param name="count">The number of explicit entries, between 0 and <paramref name="length"/>.</param>
    /// <param name="values">At least <paramref name="count"/> values.</param>
    /// <param name="indices">When sparse, at least <paramref name="count"/> strictly increasing indices below <paramref name="length"/>.</param>
    public VBuffer(int length, int count, T[] values, int[] indices)
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), $"Length must be non-negative, got {length}.");
        if (count < 0 || count > length)
            throw new ArgumentOutOfRangeException(nameof(count), $"Count must be between 0 and length {length}, got {count}.");
        if ((values?.Length ?? 0) < count)
            throw new ArgumentOutOfRangeException(nameof(values), $"Need at least {count} values, got {values?.Length ?? 0}.");
        if (count < length && (indices?.Length ?? 0) < count)
            throw new ArgumentOutOfRangeException(nameof(indices), $"A sparse buffer needs at least {count} indices, got {indices?.Length ?? 0}.");
        Length = length;
        _count = count;
        _values = values;
        _indices = indices;
    }

    /// <summary>Whether every logical entry is explicit.</summary>
    public bool IsDense => _count == Length;

    /// <summary>The explicit values: <see cref="Length"/> of them when dense, fewer when sparse.</summary>
    public ReadOnlySpan<T> GetValues() => _values.AsSpan(0, _count);

    /// <summary>The increasing logical indices of the explicit values when sparse; empty when dense.</summary>
    public ReadOnlySpan<int> GetIndices() => IsDense ? default : _indices.AsSpan(0, _count);

    /// <summary>Copies into <paramref name="destination"/> as a dense buffer, reusing its arrays when large enough.</summary>
    public void CopyToDense(ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, Length);
        CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>Copies into <paramref name="destination"/> keeping this buffer's density.</summary>
    public void CopyTo(ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, Length, _count);
        GetValues().CopyTo(editor.Values);
        if (!IsDense)
            GetIndices().CopyTo(editor.Indices);
        destination = editor.Commit();
    }

    /// <summary>Copies the logical range [<paramref name="sourceIndex"/>, +<paramref name="length"/>) into <paramref name="destination"/>.</summary>
    public void CopyTo(ref VBuffer<T> destination, int sourceIndex, int length)
    {
        if (sourceIndex < 0 || sourceIndex > Length)
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), $"Must be between 0 and {Length}, got {sourceIndex}.");
        if (length < 0 || sourceIndex > Length - length)
            throw new ArgumentOutOfRangeException(nameof(length), $"Range {sourceIndex}+{length} exceeds the length {Length}.");
        if (IsDense)
        {
            var editor = VBufferEditor.Create(ref destination, length, length);
            _values.AsSpan(sourceIndex, length).CopyTo(editor.Values);
            destination = editor.Commit();
            return;
        }
        ReadOnlySpan<int> indices = GetIndices();
        int first = LowerBound(indices, sourceIndex);
        int count = LowerBound(indices, sourceIndex + length) - first;
        var sparse = VBufferEditor.Create(ref destination, length, count);
        _values.AsSpan(first, count).CopyTo(sparse.Values);
        if (count < length)
        {
            for (int i = 0; i < count; i++)
                sparse.Indices[i] = indices[first + i] - sourceIndex;
        }
        destination = sparse.Commit();
    }

    /// <summary>Writes all <see cref="Length"/> logical values to <paramref name="destination"/> (densifying).</summary>
    public void CopyTo(Span<T> destination) => CopyTo(destination, 0);

    /// <summary>Writes all logical values at <paramref name="destinationIndex"/>, using <paramref name="defaultValue"/> for implicit entries.</summary>
    public void CopyTo(Span<T> destination, int destinationIndex, T defaultValue = default)
    {
        if (destinationIndex < 0 || destinationIndex > destination.Length - Length)
            throw new ArgumentOutOfRangeException(nameof(destination),
                $"Not large enough to hold these values: need {Length} items at index {destinationIndex}, span length is {destination.Length}.");
        Span<T> target = destination.Slice(destinationIndex, Length);
        if (IsDense)
        {
            GetValues().CopyTo(target);
            return;
        }
        target.Fill(defaultValue);
        ReadOnlySpan<T> values = GetValues();
        ReadOnlySpan<int> indices = GetIndices();
        for (int i = 0; i < values.Length; i++)
            target[indices[i]] = values[i];
    }

    /// <summary>Makes <paramref name="destination"/> a dense copy of <paramref name="length"/> items of <paramref name="source"/>.</summary>
    public static void Copy(T[] source, int sourceIndex, ref VBuffer<T> destination, int length)
    {
        int size = source?.Length ?? 0;
        if (length < 0 || length > size)
            throw new ArgumentOutOfRangeException(nameof(length), $"Must be between 0 and {size}, got {length}.");
        if (sourceIndex < 0 || sourceIndex > size - length)
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), $"Range {sourceIndex}+{length} exceeds the source length {size}.");
        var editor = VBufferEditor.Create(ref destination, length, length);
        source.AsSpan(sourceIndex, length).CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>Index/value pairs: the explicit ones, or all <see cref="Length"/> when <paramref name="all"/> is true.</summary>
    public IEnumerable<KeyValuePair<int, T>> Items(bool all = false)
        => Items(_values, _indices, Length, _count, all);

    /// <summary>All <see cref="Length"/> logical values, with <c>default(T)</c> at implicit entries.</summary>
    public IEnumerable<T> DenseValues() => DenseValues(_values, _indices, Length, _count);

    /// <summary>Enumerates the logical values, as <see cref="DenseValues"/> does.</summary>
    public IEnumerator GetEnumerator() => DenseValues().GetEnumerator();

    /// <summary>Sets <paramref name="destination"/> to the value at <paramref name="index"/> (default when implicit).</summary>
    public void GetItemOrDefault(int index, ref T destination) => destination = GetItemOrDefault(index);

    /// <summary>The value at <paramref name="index"/>, or <c>default(T)</c> when it is an implicit entry.</summary>
    public T GetItemOrDefault(int index)
    {
        if (index < 0 || index >= Length)
            throw new ArgumentOutOfRangeException(nameof(index), $"Must be between 0 and {Length - 1}, got {index}.");
        if (IsDense)
            return _values[index];
        int slot = GetIndices().BinarySearch(index);
        return slot >= 0 ? _values[slot] : default;
    }

    /// <summary>"Dense vector of size N" or "Sparse vector of size N, K explicit values".</summary>
    public override string ToString()
        => IsDense ? $"Dense vector of size {Length}" : $"Sparse vector of size {Length}, {_count} explicit values";

    // An editor over this buffer's arrays, growing them when they are too small.
    internal VBufferEditor<T> GetEditor(int newLogicalLength, int? valuesCount, int? maxValuesCapacity,
        bool keepOldOnResize, bool requireIndicesOnDense)
    {
        if (newLogicalLength < 0)
            throw new ArgumentOutOfRangeException(nameof(newLogicalLength), $"Must be non-negative, got {newLogicalLength}.");
        int count = valuesCount ?? newLogicalLength;
        if (count < 0 || count > newLogicalLength)
            throw new ArgumentOutOfRangeException(nameof(valuesCount),
                $"If specified, must be between 0 and {nameof(newLogicalLength)} ({newLogicalLength}), got {count}.");
        int capacity = maxValuesCapacity ?? Array.MaxLength;
        T[] values = _values;
        bool newValues = EnsureSize(ref values, count, capacity, keepOldOnResize);
        int[] indices = _indices;
        bool dense = count == newLogicalLength;
        bool newIndices = (!dense || requireIndicesOnDense) && EnsureSize(ref indices, count, capacity, keepOldOnResize);
        return new VBufferEditor<T>(newLogicalLength, count, values, indices, requireIndicesOnDense, newValues, newIndices);
    }

    internal VBufferEditor<T> GetEditor() => GetEditor(Length, _count, null, false, false);

    private static bool EnsureSize<TItem>(ref TItem[] array, int size, int capacity, bool keepOld)
    {
        if ((array?.Length ?? 0) >= size)
            return false;
        if (size > capacity)
            throw new ArgumentOutOfRangeException(nameof(capacity), $"Need {size} values but the capacity is limited to {capacity}.");
        if (keepOld && array != null)
            Array.Resize(ref array, size);
        else
            array = new TItem[size];
        return true;
    }

    // The first position in the sorted indices whose value is >= target.
    private static int LowerBound(ReadOnlySpan<int> sorted, int target)
    {
        int found = sorted.BinarySearch(target);
        return found >= 0 ? found : ~found;
    }

    private static IEnumerable<KeyValuePair<int, T>> Items(T[] values, int[] indices, int length, int count, bool all)
    {
        if (count == length || all)
        {
            int slot = 0;
            for (int i = 0; i < length; i++)
            {
                bool isExplicit = count == length || (slot < count && indices[slot] == i);
                yield return new KeyValuePair<int, T>(i, isExplicit ? values[slot++] : default);
            }
            yield break;
        }
        for (int i = 0; i < count; i++)
            yield return new KeyValuePair<int, T>(indices[i], values[i]);
    }

    private static IEnumerable<T> DenseValues(T[] values, int[] indices, int length, int count)
    {
        foreach (var item in Items(values, indices, length, count, all: true))
            yield return item.Value;
    }
}
