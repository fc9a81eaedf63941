using System.Text;

namespace Vtp.Text;

/// <summary>
/// The splitting half of the BERT basic tokenizer (HF's <c>BertPreTokenizer</c>): walks normalised text and yields
/// its words as ranges of that text, where whitespace separates words and is dropped, and every punctuation
/// character is a word of its own. Allocates nothing.
/// </summary>
internal ref struct BertWordEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public BertWordEnumerator(ReadOnlySpan<char> normalizedText)
    {
        _text = normalizedText;
        _position = 0;
        Current = default;
    }

    /// <summary>The current word: where it starts in the text and how long it is.</summary>
    public (int Offset, int Length) Current { get; private set; }

    public readonly BertWordEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_position < _text.Length)
        {
            int start = _position;
            Rune.DecodeFromUtf16(_text[start..], out Rune rune, out int consumed);
            _position += consumed;
            if (BertCharacterRules.IsWhitespace(rune))
            {
                continue;
            }

            if (!BertCharacterRules.IsPunctuation(rune))
            {
                _position = start + LengthOfWord(_text[start..]);
            }

            Current = (start, _position - start);
            return true;
        }

        return false;
    }

    /// <summary>Length of the run of characters that are neither whitespace nor punctuation at the start of <paramref name="text"/>.</summary>
    private static int LengthOfWord(ReadOnlySpan<char> text)
    {
        int length = 0;
        while (length < text.Length)
        {
            Rune.DecodeFromUtf16(text[length..], out Rune rune, out int consumed);
            if (BertCharacterRules.IsWhitespace(rune) || BertCharacterRules.IsPunctuation(rune))
            {
                break;
            }

            length += consumed;
        }

        return length;
    }
}
