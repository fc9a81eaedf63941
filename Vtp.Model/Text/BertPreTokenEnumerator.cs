namespace Vtp.Text;

/// <summary>
/// Walks raw text the way the BERT tokenizer reads it, yielding either a special token written in the text
/// (<see cref="SpecialId"/> at least 0) or a normalised word (<see cref="Word"/>). The text between special tokens
/// is normalised into the scratch buffers one stretch at a time, so a yielded word is valid until the next step.
/// </summary>
internal ref struct BertPreTokenEnumerator
{
    private readonly SpecialTokenMatcher _specialTokens;
    private readonly TokenizerScratch _scratch;
    private ReadOnlySpan<char> _rest;
    private BertWordEnumerator _words;
    private int _pendingSpecialId;

    public BertPreTokenEnumerator(ReadOnlySpan<char> text, SpecialTokenMatcher specialTokens, TokenizerScratch scratch)
    {
        _rest = text;
        _specialTokens = specialTokens;
        _scratch = scratch;
        _words = default;
        _pendingSpecialId = -1;
        Word = default;
        SpecialId = -1;
    }

    /// <summary>The current normalised word; empty when the current item is a special token.</summary>
    public ReadOnlySpan<char> Word { get; private set; }

    /// <summary>The id of the current special token, or -1 when the current item is a word.</summary>
    public int SpecialId { get; private set; }

    public bool MoveNext()
    {
        while (true)
        {
            if (_words.MoveNext())
            {
                Word = _words.Current;
                SpecialId = -1;
                return true;
            }

            if (_pendingSpecialId >= 0)
            {
                Word = default;
                SpecialId = _pendingSpecialId;
                _pendingSpecialId = -1;
                return true;
            }

            if (_rest.IsEmpty)
            {
                return false;
            }

            bool hasSpecial = _specialTokens.TryFindNext(_rest, out int index, out int length, out int specialId);
            BertNormalizer.Normalize(hasSpecial ? _rest[..index] : _rest, _scratch.Normalized, _scratch.Working);
            _words = new BertWordEnumerator(_scratch.Normalized.Written);
            _pendingSpecialId = hasSpecial ? specialId : -1;
            _rest = hasSpecial ? _rest[(index + length)..] : default;
        }
    }
}
