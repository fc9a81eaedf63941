namespace Vtp.Text;

/// <summary>
/// Walks raw text the way the BERT tokenizer reads it, yielding either a special token written in the text
/// (<see cref="SpecialId"/> at least 0, found in <see cref="SpecialSource"/>) or a normalised word
/// (<see cref="Word"/>, starting at <see cref="WordStart"/> in <c>normalized</c>). Special tokens are matched in the
/// raw text first; the text between them is normalised into <c>normalized</c> one stretch at a time (so a yielded
/// word is valid until the next step) and split into words.
/// </summary>
internal ref struct BertPreTokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly SpecialTokenMatcher _specialTokens;
    private readonly AlignedText _normalized;
    private readonly bool _normalize;
    private readonly bool _preTokenize;
    private int _position;
    private BertWordEnumerator _words;
    private bool _wholeStretchPending;
    private int _pendingSpecialId;
    private Range _pendingSpecialSource;

    /// <param name="text">The raw text.</param>
    /// <param name="specialTokens">The special tokens to find in it.</param>
    /// <param name="normalized">Working storage for the normalised stretches.</param>
    /// <param name="normalize">False to take the text as already normalised (copied as it is).</param>
    /// <param name="preTokenize">False to take the whole (normalised) text as one word, special tokens included.</param>
    public BertPreTokenEnumerator(ReadOnlySpan<char> text, SpecialTokenMatcher specialTokens, AlignedText normalized, bool normalize = true, bool preTokenize = true)
    {
        _text = text;
        _specialTokens = specialTokens;
        _normalized = normalized;
        _normalize = normalize;
        _preTokenize = preTokenize;
        _position = 0;
        _words = default;
        _wholeStretchPending = false;
        _pendingSpecialId = -1;
        _pendingSpecialSource = default;
        Word = default;
        WordStart = 0;
        SpecialId = -1;
        SpecialSource = default;
    }

    /// <summary>The current normalised word; empty when the current item is a special token.</summary>
    public ReadOnlySpan<char> Word { get; private set; }

    /// <summary>Where <see cref="Word"/> starts in the normalised stretch (for <see cref="AlignedText.SourceOf"/>).</summary>
    public int WordStart { get; private set; }

    /// <summary>The id of the current special token, or -1 when the current item is a word.</summary>
    public int SpecialId { get; private set; }

    /// <summary>Where the current special token is written in the raw text.</summary>
    public Range SpecialSource { get; private set; }

    public bool MoveNext()
    {
        while (true)
        {
            if (NextWord())
            {
                return true;
            }

            if (_pendingSpecialId >= 0)
            {
                Word = default;
                SpecialId = _pendingSpecialId;
                SpecialSource = _pendingSpecialSource;
                _pendingSpecialId = -1;
                return true;
            }

            if (_position >= _text.Length)
            {
                return false;
            }

            ReadOnlySpan<char> rest = _text[_position..];
            int index = 0, length = 0;
            bool hasSpecial = _preTokenize && _specialTokens.TryFindNext(rest, out index, out length, out _pendingSpecialId);
            Normalize(hasSpecial ? rest[..index] : rest, _position);
            _words = new BertWordEnumerator(_normalized.Text);
            _wholeStretchPending = !_preTokenize && !_normalized.Text.IsEmpty;
            _pendingSpecialSource = new Range(_position + index, _position + index + length);
            _position += hasSpecial ? index + length : rest.Length;
        }
    }

    private bool NextWord()
    {
        (int Offset, int Length) word;
        if (_wholeStretchPending)
        {
            _wholeStretchPending = false;
            word = (0, _normalized.Text.Length);
        }
        else if (_preTokenize && _words.MoveNext())
        {
            word = _words.Current;
        }
        else
        {
            return false;
        }

        Word = _normalized.Text.Slice(word.Offset, word.Length);
        WordStart = word.Offset;
        SpecialId = -1;
        return true;
    }

    private readonly void Normalize(ReadOnlySpan<char> stretch, int offset)
    {
        _normalized.Clear();
        if (_normalize)
        {
            BertNormalizer.Append(stretch, offset, _normalized);
        }
        else
        {
            _normalized.AppendVerbatim(stretch, offset);
        }
    }
}
