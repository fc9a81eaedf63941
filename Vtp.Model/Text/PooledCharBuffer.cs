using System.Buffers;
using System.Text;

namespace Vtp.Text;

/// <summary>
/// A growable character buffer on <see cref="ArrayPool{T}"/> storage, reused across the captions of one encode call
/// so that normalisation does not allocate per caption or per character.
/// </summary>
internal sealed class PooledCharBuffer : IDisposable
{
    private char[] _chars;

    public PooledCharBuffer(int initialCapacity = 256)
    {
        _chars = ArrayPool<char>.Shared.Rent(initialCapacity);
    }

    /// <summary>Number of characters written.</summary>
    public int Length { get; private set; }

    /// <summary>The characters written so far.</summary>
    public ReadOnlySpan<char> Written => _chars.AsSpan(0, Length);

    /// <summary>Forgets the content and keeps the storage.</summary>
    public void Clear() => Length = 0;

    public void Append(char value)
    {
        EnsureFree(1);
        _chars[Length++] = value;
    }

    public void Append(Rune value)
    {
        EnsureFree(2);
        Length += value.EncodeToUtf16(_chars.AsSpan(Length));
    }

    /// <summary>Returns <paramref name="count"/> free characters at the end, for a caller that writes then calls <see cref="Advance"/>.</summary>
    public Span<char> GetFreeSpan(int count)
    {
        EnsureFree(count);
        return _chars.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        char[] chars = _chars;
        _chars = [];
        Length = 0;
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void EnsureFree(int count)
    {
        if (Length + count <= _chars.Length)
        {
            return;
        }

        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, Length + count));
        _chars.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
