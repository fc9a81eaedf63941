using System.Text;

namespace Vtp.Text;

/// <summary>
/// Normalised text that remembers where each of its characters came from: for every UTF-16 unit written, the range
/// of the input character (code point) that produced it. A normalised word maps back to the input span from the
/// start of its first character's source to the end of its last one, which is how HF computes offsets.
/// </summary>
internal sealed class AlignedText : IDisposable
{
    private readonly PooledBuffer<char> _chars = new();
    private readonly PooledBuffer<int> _sourceStarts = new();
    private readonly PooledBuffer<int> _sourceEnds = new();

    /// <summary>The normalised text.</summary>
    public ReadOnlySpan<char> Text => _chars.Written;

    /// <summary>Forgets the content and keeps the storage.</summary>
    public void Clear()
    {
        _chars.Clear();
        _sourceStarts.Clear();
        _sourceEnds.Clear();
    }

    /// <summary>Appends <paramref name="value"/>, produced by the input characters in [<paramref name="sourceStart"/>, <paramref name="sourceEnd"/>).</summary>
    public void Append(Rune value, int sourceStart, int sourceEnd)
    {
        int written = value.EncodeToUtf16(_chars.GetFreeSpan(2));
        _chars.Advance(written);
        for (int i = 0; i < written; i++)
        {
            _sourceStarts.Append(sourceStart);
            _sourceEnds.Append(sourceEnd);
        }
    }

    /// <summary>Appends <paramref name="text"/> unchanged, each UTF-16 unit its own source (shifted by <paramref name="offset"/>).</summary>
    public void AppendVerbatim(ReadOnlySpan<char> text, int offset)
    {
        text.CopyTo(_chars.GetFreeSpan(text.Length));
        _chars.Advance(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            _sourceStarts.Append(offset + i);
            _sourceEnds.Append(offset + i + 1);
        }
    }

    /// <summary>The input range that produced normalised characters [<paramref name="start"/>, <paramref name="end"/>); <paramref name="end"/> &gt; <paramref name="start"/>.</summary>
    public Range SourceOf(int start, int end) => new(_sourceStarts.Written[start], _sourceEnds.Written[end - 1]);

    public void Dispose()
    {
        _chars.Dispose();
        _sourceStarts.Dispose();
        _sourceEnds.Dispose();
    }
}
