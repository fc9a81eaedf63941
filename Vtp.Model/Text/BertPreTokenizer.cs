using Microsoft.ML.Tokenizers;

namespace Vtp.Text;

/// <summary>
/// HF's <c>BertPreTokenizer</c> as a <see cref="PreTokenizer"/>: splits normalised text at whitespace (dropped) and
/// around every punctuation character (a word of its own), where punctuation is every ASCII symbol and every
/// character of the Unicode P* categories (<see cref="BertCharacterRules.IsPunctuation"/>).
/// </summary>
internal sealed class BertPreTokenizer : PreTokenizer
{
    private BertPreTokenizer()
    {
    }

    /// <summary>The pre-tokenizer (it holds no state).</summary>
    public static BertPreTokenizer Instance { get; } = new();

    /// <inheritdoc/>
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PreTokenize(text.AsSpan());
    }

    /// <inheritdoc/>
    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text)
    {
        var words = new List<(int Offset, int Length)>();
        foreach ((int Offset, int Length) word in new BertWordEnumerator(text))
        {
            words.Add(word);
        }

        return words;
    }
}
