using Microsoft.ML.Tokenizers;
using PackageBertTokenizer = Microsoft.ML.Tokenizers.BertTokenizer;

namespace Vtp.Text;

/// <summary>
/// Text to WordPiece tokens, HF's way: special tokens matched in the raw text, the rest normalised and split into
/// words by Vtp (<see cref="BertPreTokenEnumerator"/>), and each word cut into vocabulary pieces by the
/// Microsoft.ML.Tokenizers <see cref="PackageBertTokenizer"/> (greedy longest match first, <c>##</c> continuations,
/// [UNK] for a word with an unmatched part), which matches HF exactly on words. Every token keeps the input span it
/// came from.
/// </summary>
internal sealed class BertEncoder
{
    /// <summary>Words longer than this many code points become <c>[UNK]</c> without being split (HF's <c>max_input_chars_per_word</c>).</summary>
    public const int MaxInputCharsPerWord = 100;

    private readonly SpecialTokenMatcher _specialTokens;
    private readonly PackageBertTokenizer _package;
    private readonly int _unknownId;

    public BertEncoder(WordPieceVocabulary vocabulary, BertSpecialTokens specialTokens)
    {
        _specialTokens = new SpecialTokenMatcher(specialTokens);
        _unknownId = specialTokens.Unknown;
        using var vocabularyFile = new MemoryStream();
        vocabulary.Save(vocabularyFile);
        vocabularyFile.Position = 0;
        _package = PackageBertTokenizer.Create(vocabularyFile, new BertOptions
        {
            // Vtp normalises, splits and finds special tokens itself; the package gets one normalised word at a time.
            ApplyBasicTokenization = false,
            SplitOnSpecialTokens = false,
            // The package counts UTF-16 units and HF code points: Vtp applies HF's limit, and the package's never
            // trips on a word that passed it (100 code points are at most 200 units).
            MaxInputCharsPerWord = 2 * MaxInputCharsPerWord,
        });
    }

    /// <summary>The package tokenizer over the same vocabulary, for the special-token layout of model inputs.</summary>
    public PackageBertTokenizer Package => _package;

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> (no [CLS]/[SEP]) to <c>scratch.Tokens</c>. With
    /// <paramref name="normalize"/> false the text is taken as already normalised; with <paramref name="preTokenize"/>
    /// false it is one word, special tokens included.
    /// </summary>
    public void Encode(ReadOnlySpan<char> text, TokenizerScratch scratch, bool normalize = true, bool preTokenize = true)
    {
        var items = new BertPreTokenEnumerator(text, _specialTokens, scratch.Normalized, normalize, preTokenize);
        for (int word = 0; items.MoveNext(); word++)
        {
            if (items.SpecialId >= 0)
            {
                scratch.Tokens.Add(new TokenSpan(items.SpecialId, items.SpecialSource, word));
            }
            else
            {
                AppendPieces(items.Word, items.WordStart, word, scratch);
            }
        }
    }

    /// <summary>Number of Unicode code points in <paramref name="text"/> (a surrogate pair counts once).</summary>
    public static int CountCodePoints(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    private void AppendPieces(ReadOnlySpan<char> word, int wordStart, int wordIndex, TokenizerScratch scratch)
    {
        AlignedText normalized = scratch.Normalized;
        if (word.Length > MaxInputCharsPerWord && CountCodePoints(word) > MaxInputCharsPerWord)
        {
            scratch.Tokens.Add(new TokenSpan(_unknownId, normalized.SourceOf(wordStart, wordStart + word.Length), wordIndex));
            return;
        }

        foreach (EncodedToken piece in _package.EncodeToTokens(word, out _, considerPreTokenization: false, considerNormalization: false))
        {
            Range source = normalized.SourceOf(wordStart + piece.Offset.Start.Value, wordStart + piece.Offset.End.Value);
            scratch.Tokens.Add(new TokenSpan(piece.Id, source, wordIndex));
        }
    }
}
