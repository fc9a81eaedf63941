using System.Buffers;
using Microsoft.ML.Tokenizers;

namespace Vtp.Text;

/// <summary>
/// The BERT WordPiece tokenizer of SimVTP's text input, a <see cref="Tokenizer"/> of Microsoft.ML.Tokenizers that
/// gives the ids of HF <c>BertTokenizerFast('bert-base-uncased')</c>: special tokens written in the text are kept
/// whole; the rest is cleaned, CJK-split, accent-stripped and lower-cased (<see cref="Normalizer"/>), split at
/// whitespace and punctuation (<see cref="PreTokenizer"/>), and cut into WordPiece pieces by the package's
/// <see cref="Microsoft.ML.Tokenizers.BertTokenizer"/>. Model inputs come from the <c>Encode</c> methods as
/// <c>[CLS] a [SEP]</c> (or <c>[CLS] a [SEP] b [SEP]</c>) rows, truncated to a maximum length and padded to the
/// batch's longest row. Thread-safe: it holds no mutable state.
/// </summary>
/// <remarks>
/// Through the <see cref="Tokenizer"/> API, as with the package's own BERT tokenizer: encoding gives the text's
/// tokens without [CLS]/[SEP]; token offsets are ranges of the input text, as in HF (so the normalised text is not
/// returned: <c>normalizedText</c> is null); <c>MaxTokenCount</c> keeps or drops a word's pieces together;
/// <c>considerNormalization: false</c> takes the text as already normalised and <c>considerPreTokenization: false</c>
/// takes it as one word (special tokens included); <see cref="Decode(IEnumerable{int})"/> keeps special tokens.
/// The stock <see cref="Microsoft.ML.Tokenizers.BertTokenizer"/> gives other ids than HF on some text (symbols,
/// emoji, tab and newline, zero-width characters, <c>_</c>, <c>[mask]</c>; docs/dependencies.md lists them).
/// </remarks>
public sealed partial class BertTokenizer : Tokenizer
{
    /// <summary>The model's maximum sequence length, which SimVTP truncates to (<c>max_length=512</c>).</summary>
    public const int DefaultMaxLength = 512;

    private static readonly Lazy<BertTokenizer> s_bertBaseUncased = new(() => new BertTokenizer(WordPieceVocabulary.BertBaseUncased));

    private readonly BertEncoder _encoder;

    /// <summary>A tokenizer over <paramref name="vocabulary"/>, which must hold [PAD], [UNK], [CLS], [SEP] and [MASK].</summary>
    /// <exception cref="ArgumentException">A special token is missing from the vocabulary.</exception>
    public BertTokenizer(WordPieceVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        SpecialTokens = BertSpecialTokens.From(vocabulary);
        _encoder = new BertEncoder(vocabulary, SpecialTokens);
    }

    /// <summary>The tokenizer of <c>bert-base-uncased</c>, over the embedded vocabulary; built once, on first use.</summary>
    public static BertTokenizer BertBaseUncased => s_bertBaseUncased.Value;

    /// <summary>The vocabulary.</summary>
    public WordPieceVocabulary Vocabulary { get; }

    /// <summary>The special token ids in <see cref="Vocabulary"/>.</summary>
    public BertSpecialTokens SpecialTokens { get; }

    /// <summary>
    /// HF's BERT normalisation for an uncased vocabulary, applied to the text between special tokens: drop control
    /// and format characters, turn whitespace into spaces, space out CJK ideographs, NFD, drop accents (non-spacing
    /// marks), lower-case. Vtp's own, with and without ICU alike.
    /// </summary>
    public override Normalizer Normalizer => BertNormalizer.Instance;

    /// <summary>HF's BERT pre-tokenisation of normalised text: words at whitespace (dropped) and around each punctuation character (kept as a word).</summary>
    public override PreTokenizer PreTokenizer => BertPreTokenizer.Instance;

    /// <summary>
    /// Turns ids back into text: drops the special tokens when <paramref name="skipSpecialTokens"/> is set, glues
    /// <c>##</c> pieces to the piece before, puts a space before every other piece, and writes <c>.</c>, <c>,</c>,
    /// <c>?</c> and <c>!</c> without that space. This is the HF fast tokenizer's WordPiece decoder, which cleans up
    /// one piece at a time (so <c>"' s"</c> stays apart).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside the vocabulary.</exception>
    public string Decode(ReadOnlySpan<long> ids, bool skipSpecialTokens = true) =>
        WordPieceDecoder.Decode(ids.ToArray(), Vocabulary, skipSpecialTokens ? SpecialTokens : null);

    /// <summary>Decodes <paramref name="ids"/> as <see cref="Decode(ReadOnlySpan{long}, bool)"/> does, keeping special tokens.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside the vocabulary.</exception>
    public override string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return WordPieceDecoder.Decode(ids.Select(id => (long)id), Vocabulary, skipped: null);
    }

    /// <summary>
    /// Decodes <paramref name="ids"/> (special tokens kept) into <paramref name="destination"/> a piece at a time;
    /// <see cref="OperationStatus.InvalidData"/> at an id outside the vocabulary.
    /// </summary>
    public override OperationStatus Decode(IEnumerable<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return WordPieceDecoder.Decode(ids, destination, Vocabulary, skipped: null, out idsConsumed, out charsWritten);
    }

    /// <inheritdoc/>
    protected override EncodeResults<EncodedToken> EncodeToTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings) =>
        Encode(text, textSpan, settings, token => new EncodedToken(token.Id, Vocabulary.Tokens[token.Id], token.Source));

    /// <inheritdoc/>
    protected override EncodeResults<int> EncodeToIds(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings) =>
        Encode(text, textSpan, settings, token => token.Id);

    /// <inheritdoc/>
    protected override int CountTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        using TokenizerScratch scratch = Tokens(text is null ? textSpan : text, settings);
        return scratch.Tokens.Count;
    }

    /// <inheritdoc/>
    protected override int GetIndexByTokenCount(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings, bool fromEnd,
        out string? normalizedText, out int tokenCount)
    {
        ReadOnlySpan<char> input = text is null ? textSpan : text;
        using TokenizerScratch scratch = Tokens(input, settings);
        normalizedText = null;
        if (fromEnd)
        {
            tokenCount = TokenLimit.CountFromEnd(scratch.Tokens, settings.MaxTokenCount);
            return TokenLimit.StartOfLast(scratch.Tokens, tokenCount, input.Length);
        }

        tokenCount = TokenLimit.CountFromStart(scratch.Tokens, settings.MaxTokenCount);
        return TokenLimit.EndOfFirst(scratch.Tokens, tokenCount, input.Length);
    }

    private EncodeResults<T> Encode<T>(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings, Func<TokenSpan, T> convert)
    {
        ReadOnlySpan<char> input = text is null ? textSpan : text;
        using TokenizerScratch scratch = Tokens(input, settings);
        int kept = TokenLimit.CountFromStart(scratch.Tokens, settings.MaxTokenCount);
        return new EncodeResults<T>
        {
            Tokens = [.. scratch.Tokens.Take(kept).Select(convert)],
            NormalizedText = null,
            CharsConsumed = TokenLimit.EndOfFirst(scratch.Tokens, kept, input.Length),
        };
    }

    /// <summary>The tokens of <paramref name="text"/> in a fresh scratch, which the caller disposes.</summary>
    private TokenizerScratch Tokens(ReadOnlySpan<char> text, EncodeSettings settings)
    {
        var scratch = new TokenizerScratch();
        _encoder.Encode(text, scratch, settings.ConsiderNormalization, settings.ConsiderPreTokenization);
        return scratch;
    }
}
