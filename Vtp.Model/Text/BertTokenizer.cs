namespace Vtp.Text;

/// <summary>
/// The BERT WordPiece tokenizer of SimVTP's text input, matching HF <c>BertTokenizerFast('bert-base-uncased')</c>:
/// special tokens written in the text are kept whole; the rest is cleaned, CJK-split, accent-stripped and
/// lower-cased (<see cref="Normalize"/>), split at whitespace and punctuation, and cut into WordPiece pieces.
/// Batches come out as <c>[CLS] a [SEP]</c> (or <c>[CLS] a [SEP] b [SEP]</c>), truncated to a maximum length and
/// padded to the batch's longest row. Thread-safe: it holds no mutable state.
/// </summary>
public sealed class BertTokenizer
{
    /// <summary>The model's maximum sequence length, which SimVTP truncates to (<c>max_length=512</c>).</summary>
    public const int DefaultMaxLength = 512;

    private static readonly Lazy<BertTokenizer> s_bertBaseUncased = new(() => new BertTokenizer(WordPieceVocabulary.BertBaseUncased));

    private readonly WordPieceSegmenter _segmenter;
    private readonly SpecialTokenMatcher _specialTokens;

    /// <summary>A tokenizer over <paramref name="vocabulary"/>, which must hold [PAD], [UNK], [CLS], [SEP] and [MASK].</summary>
    /// <exception cref="ArgumentException">A special token is missing from the vocabulary.</exception>
    public BertTokenizer(WordPieceVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        SpecialTokens = BertSpecialTokens.From(vocabulary);
        _segmenter = new WordPieceSegmenter(vocabulary);
        _specialTokens = new SpecialTokenMatcher(SpecialTokens);
    }

    /// <summary>The tokenizer of <c>bert-base-uncased</c>, over the embedded vocabulary; built once, on first use.</summary>
    public static BertTokenizer BertBaseUncased => s_bertBaseUncased.Value;

    /// <summary>The vocabulary.</summary>
    public WordPieceVocabulary Vocabulary { get; }

    /// <summary>The special token ids in <see cref="Vocabulary"/>.</summary>
    public BertSpecialTokens SpecialTokens { get; }

    /// <summary>The WordPiece tokens of <paramref name="text"/>, without [CLS]/[SEP] and without truncation.</summary>
    public string[] Tokenize(ReadOnlySpan<char> text)
    {
        using var scratch = new TokenizerScratch();
        AppendIds(text, scratch);
        return [.. scratch.Ids.Select(id => Vocabulary.GetToken(id))];
    }

    /// <summary>
    /// The normalisation applied to text between special tokens: drop control and format characters, turn
    /// whitespace into spaces, space out CJK ideographs, NFD, drop accents (non-spacing marks), lower-case.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        using var scratch = new TokenizerScratch();
        BertNormalizer.Normalize(text, scratch.Normalized, scratch.Working);
        return scratch.Normalized.Written.ToString();
    }

    /// <summary>Splits normalised text into words: at whitespace (dropped) and around each punctuation character (kept as a word).</summary>
    public static string[] SplitWords(ReadOnlySpan<char> normalizedText)
    {
        var words = new List<string>();
        foreach (ReadOnlySpan<char> word in new BertWordEnumerator(normalizedText))
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    /// <summary>Encodes single captions: each row is <c>[CLS] tokens [SEP]</c>, truncated to <paramref name="maxLength"/> tokens, padded to the longest row.</summary>
    /// <exception cref="ArgumentException">A caption is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 2, the room for [CLS] and [SEP].</exception>
    public TokenizedBatch Encode(IReadOnlyList<string> texts, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Encode(texts.Count, i => RowOf(texts, i, nameof(texts)), null, maxLength);
    }

    /// <summary>Encodes single captions given as character memory (ML.NET's text type); see <see cref="Encode(IReadOnlyList{string}, int)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 2, the room for [CLS] and [SEP].</exception>
    public TokenizedBatch Encode(IReadOnlyList<ReadOnlyMemory<char>> texts, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Encode(texts.Count, i => texts[i], null, maxLength);
    }

    /// <summary>
    /// Encodes pairs: each row is <c>[CLS] a [SEP] b [SEP]</c> with token types 0 up to the first [SEP] and 1 after it.
    /// Rows longer than <paramref name="maxLength"/> are truncated by the <c>longest_first</c> rule.
    /// </summary>
    /// <exception cref="ArgumentException">The two lists differ in length, or a segment is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 3, the room for [CLS] and two [SEP].</exception>
    public TokenizedBatch Encode(IReadOnlyList<string> texts, IReadOnlyList<string> pairs, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(pairs);
        if (texts.Count != pairs.Count)
        {
            throw new ArgumentException($"Got {texts.Count} first segments but {pairs.Count} second segments; expected one of each per row.", nameof(pairs));
        }

        return Encode(texts.Count, i => RowOf(texts, i, nameof(texts)), i => RowOf(pairs, i, nameof(pairs)), maxLength);
    }

    /// <summary>
    /// Turns ids back into text: drops the special tokens when <paramref name="skipSpecialTokens"/> is set, glues
    /// <c>##</c> pieces to the piece before, puts a space before every other piece, and writes <c>.</c>, <c>,</c>,
    /// <c>?</c> and <c>!</c> without that space. This is the HF fast tokenizer's WordPiece decoder, which cleans up
    /// one piece at a time (so <c>"' s"</c> stays apart).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside the vocabulary.</exception>
    public string Decode(ReadOnlySpan<long> ids, bool skipSpecialTokens = true) =>
        WordPieceDecoder.Decode(ids, Vocabulary, skipSpecialTokens ? SpecialTokens : null);

    private TokenizedBatch Encode(int batchSize, Func<int, ReadOnlyMemory<char>> first, Func<int, ReadOnlyMemory<char>>? second, int maxLength)
    {
        int added = second is null ? 2 : 3;
        if (maxLength < added)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength,
                $"Maximum length {maxLength} leaves no room for the {added} special tokens of a {(second is null ? "single caption" : "pair")}; expected at least {added}.");
        }

        using var scratch = new TokenizerScratch();
        var rows = new EncodedRows(batchSize);
        for (int row = 0; row < batchSize; row++)
        {
            scratch.Ids.Clear();
            AppendIds(first(row).Span, scratch);
            int firstCount = scratch.Ids.Count;
            if (second is not null)
            {
                AppendIds(second(row).Span, scratch);
            }

            rows.Add(scratch.Ids, firstCount, second is not null, maxLength - added, SpecialTokens);
        }

        return rows.ToBatch(SpecialTokens.Pad);
    }

    private static ReadOnlyMemory<char> RowOf(IReadOnlyList<string> texts, int row, string name) =>
        (texts[row] ?? throw new ArgumentException($"Row {row} of {name} is null; expected a caption (use \"\" for none).", name)).AsMemory();

    /// <summary>Appends the WordPiece ids of <paramref name="text"/> (no [CLS]/[SEP]) to <c>scratch.Ids</c>.</summary>
    private void AppendIds(ReadOnlySpan<char> text, TokenizerScratch scratch)
    {
        var items = new BertPreTokenEnumerator(text, _specialTokens, scratch);
        while (items.MoveNext())
        {
            if (items.SpecialId >= 0)
            {
                scratch.Ids.Add(items.SpecialId);
            }
            else
            {
                _segmenter.AppendIds(items.Word, scratch.Ids);
            }
        }
    }
}
