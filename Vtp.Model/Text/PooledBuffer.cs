using System.Buffers;

namespace Vtp.Text;

/// <summary>
/// A growable buffer on <see cref="ArrayPool{T}"/> storage, reused across the texts of one encode call so that
/// normalisation does not allocate per text or per character.
/// </summary>
internal sealed class PooledBuffer<T> : IDisposable
{
    private T[] _items;

    public PooledBuffer(int initialCapacity = 256)
    {
        _items = ArrayPool<T>.Shared.Rent(initialCapacity);
    }

    /// <summary>Number of items written.</summary>
    public int Length { get; private set; }

    /// <summary>The items written so far.</summary>
    public ReadOnlySpan<T> Written => _items.AsSpan(0, Length);

    /// <summary>Forgets the content and keeps the storage.</summary>
    public void Clear() => Length = 0;

    public void Append(T value)
    {
        EnsureFree(1);
        _items[Length++] = value;
    }

    /// <summary>Returns <paramref name="count"/> free items at the end, for a caller that writes then calls <see cref="Advance"/>.</summary>
    public Span<T> GetFreeSpan(int count)
    {
        EnsureFree(count);
        return _items.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        T[] items = _items;
        _items = [];
        Length = 0;
        if (items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(items);
        }
    }

    private void EnsureFree(int count)
    {
        if (Length + count <= _items.Length)
        {
            return;
        }

        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(_items.Length * 2, Length + count));
        _items.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<T>.Shared.Return(_items);
        _items = larger;
    }
}
