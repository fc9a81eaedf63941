namespace Vtp.Text;

/// <summary>
/// A token budget applied at word boundaries, as the package's WordPiece tokenizer applies
/// <c>EncodeSettings.MaxTokenCount</c>: the pieces of a word are kept or dropped together.
/// </summary>
internal static class TokenLimit
{
    /// <summary>How many tokens from the start fit in <paramref name="maxTokenCount"/> without splitting a word.</summary>
    public static int CountFromStart(List<TokenSpan> tokens, int maxTokenCount)
    {
        if (tokens.Count <= maxTokenCount)
        {
            return tokens.Count;
        }

        int kept = maxTokenCount;
        while (kept > 0 && tokens[kept].Word == tokens[kept - 1].Word)
        {
            kept--;
        }

        return kept;
    }

    /// <summary>How many tokens from the end fit in <paramref name="maxTokenCount"/> without splitting a word.</summary>
    public static int CountFromEnd(List<TokenSpan> tokens, int maxTokenCount)
    {
        if (tokens.Count <= maxTokenCount)
        {
            return tokens.Count;
        }

        int first = tokens.Count - maxTokenCount;
        while (first < tokens.Count && tokens[first].Word == tokens[first - 1].Word)
        {
            first++;
        }

        return tokens.Count - first;
    }

    /// <summary>
    /// Where the text covered by the first <paramref name="kept"/> tokens ends: the whole text when all are kept,
    /// else the end of the last kept token (0 for none).
    /// </summary>
    public static int EndOfFirst(List<TokenSpan> tokens, int kept, int textLength) =>
        kept == tokens.Count ? textLength : kept == 0 ? 0 : tokens[kept - 1].Source.End.Value;

    /// <summary>
    /// Where the text covered by the last <paramref name="kept"/> tokens starts: 0 when all are kept, else the start
    /// of the first kept token (the text length for none).
    /// </summary>
    public static int StartOfLast(List<TokenSpan> tokens, int kept, int textLength) =>
        kept == tokens.Count ? 0 : kept == 0 ? textLength : tokens[tokens.Count - kept].Source.Start.Value;
}
