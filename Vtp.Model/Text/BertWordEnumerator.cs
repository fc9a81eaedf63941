using System.Text;

namespace Vtp.Text;

/// <summary>
/// The splitting half of the BERT basic tokenizer: walks normalised text and yields its words, where whitespace
/// separates words and is dropped, and every punctuation character is a word of its own. Yields slices of the
/// input, so enumeration allocates nothing.
/// </summary>
internal ref struct BertWordEnumerator
{
    private ReadOnlySpan<char> _rest;

    public BertWordEnumerator(ReadOnlySpan<char> normalizedText)
    {
        _rest = normalizedText;
        Current = default;
    }

    /// <summary>The current word.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    public readonly BertWordEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        int start = 0;
        while (start < _rest.Length)
        {
            Rune.DecodeFromUtf16(_rest[start..], out Rune rune, out int consumed);
            if (!BertCharacterRules.IsWhitespace(rune))
            {
                if (BertCharacterRules.IsPunctuation(rune))
                {
                    return Take(start, consumed);
                }

                return Take(start, LengthOfWord(_rest[start..]));
            }

            start += consumed;
        }

        _rest = default;
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

    private bool Take(int start, int length)
    {
        Current = _rest.Slice(start, length);
        _rest = _rest[(start + length)..];
        return true;
    }
}
