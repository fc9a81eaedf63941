namespace Vtp.Text;

/// <summary>Batches of model inputs: [CLS]/[SEP] rows, pair truncation and padding.</summary>
public sealed partial class BertTokenizer
{
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
    /// Rows longer than <paramref name="maxLength"/> are truncated by HF's <c>longest_first</c> rule.
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
    /// Encodes each row's segments, truncates them to the budget left by the special tokens, and lays them out with
    /// [CLS]/[SEP] and token types by the package's <see cref="Microsoft.ML.Tokenizers.BertTokenizer.BuildInputsWithSpecialTokens(IEnumerable{int}, IEnumerable{int})"/>
    /// and <see cref="Microsoft.ML.Tokenizers.BertTokenizer.CreateTokenTypeIdsFromSequences(IEnumerable{int}, IEnumerable{int})"/>.
    /// </summary>
    private TokenizedBatch Encode(int batchSize, Func<int, ReadOnlyMemory<char>> first, Func<int, ReadOnlyMemory<char>>? second, int maxLength)
    {
        int added = second is null ? 2 : 3;
        if (maxLength < added)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength,
                $"Maximum length {maxLength} leaves no room for the {added} special tokens of a {(second is null ? "single caption" : "pair")}; expected at least {added}.");
        }

        int budget = maxLength - added;
        using var scratch = new TokenizerScratch();
        var rows = new EncodedRows(batchSize);
        for (int row = 0; row < batchSize; row++)
        {
            int[] a = Ids(first(row).Span, scratch);
            int[]? b = second is null ? null : Ids(second(row).Span, scratch);
            (int keepA, int keepB) = b is null ? (Math.Min(a.Length, budget), 0) : PairTruncation.Lengths(a.Length, b.Length, budget);
            IEnumerable<int> keptA = a.Take(keepA);
            IEnumerable<int>? keptB = b is null ? null : b.Take(keepB);
            rows.Add(_encoder.Package.BuildInputsWithSpecialTokens(keptA, keptB), _encoder.Package.CreateTokenTypeIdsFromSequences(keptA, keptB));
        }

        return rows.ToBatch(SpecialTokens.Pad);
    }

    private int[] Ids(ReadOnlySpan<char> text, TokenizerScratch scratch)
    {
        scratch.Tokens.Clear();
        _encoder.Encode(text, scratch);
        return [.. scratch.Tokens.Select(token => token.Id)];
    }

    private static ReadOnlyMemory<char> RowOf(IReadOnlyList<string> texts, int row, string name) =>
        (texts[row] ?? throw new ArgumentException($"Row {row} of {name} is null; expected a caption (use \"\" for none).", name)).AsMemory();
}
