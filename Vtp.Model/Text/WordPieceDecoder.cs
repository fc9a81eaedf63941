using System.Buffers;
using System.Text;

namespace Vtp.Text;

/// <summary>
/// Ids back to text, as the HF fast tokenizer's WordPiece decoder does it: pieces after the first get a leading
/// space unless they start with <c>##</c> (which is dropped), then each piece on its own gets the tokenizer
/// clean-up (<c>" ." -> "."</c> and the like, so <c>"' s"</c> stays apart). A first piece keeps its <c>##</c>.
/// </summary>
internal static class WordPieceDecoder
{
    private static readonly (string From, string To)[] s_cleanUps =
    [
        (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"),
        (" do not", " don't"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
    ];

    /// <summary>Decodes <paramref name="ids"/>; ids of <paramref name="skipped"/> (when given) are left out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside the vocabulary.</exception>
    public static string Decode(IEnumerable<long> ids, WordPieceVocabulary vocabulary, BertSpecialTokens? skipped)
    {
        var text = new StringBuilder();
        bool first = true;
        foreach (long id in ids)
        {
            text.Append(Piece(id, vocabulary, skipped, ref first));
        }

        return text.ToString();
    }

    /// <summary>
    /// Decodes <paramref name="ids"/> into <paramref name="destination"/>, a whole piece at a time, stopping at the
    /// first piece that does not fit (<see cref="OperationStatus.DestinationTooSmall"/>) or id outside the vocabulary
    /// (<see cref="OperationStatus.InvalidData"/>).
    /// </summary>
    public static OperationStatus Decode(IEnumerable<int> ids, Span<char> destination, WordPieceVocabulary vocabulary, BertSpecialTokens? skipped,
        out int idsConsumed, out int charsWritten)
    {
        (idsConsumed, charsWritten) = (0, 0);
        bool first = true;
        foreach (int id in ids)
        {
            if ((uint)id >= (uint)vocabulary.Count)
            {
                return OperationStatus.InvalidData;
            }

            string piece = Piece(id, vocabulary, skipped, ref first);
            if (!piece.TryCopyTo(destination[charsWritten..]))
            {
                return OperationStatus.DestinationTooSmall;
            }

            charsWritten += piece.Length;
            idsConsumed++;
        }

        return OperationStatus.Done;
    }

    /// <summary>The text <paramref name="id"/> adds after the pieces before it; empty when it is skipped.</summary>
    private static string Piece(long id, WordPieceVocabulary vocabulary, BertSpecialTokens? skipped, ref bool first)
    {
        string token = vocabulary.GetToken(id);
        if (skipped is not null && skipped.IsSpecial(id))
        {
            return "";
        }

        bool isFirst = first;
        first = false;
        if (isFirst)
        {
            return token;
        }

        if (token.StartsWith(WordPieceVocabulary.ContinuationPrefix, StringComparison.Ordinal))
        {
            return token[WordPieceVocabulary.ContinuationPrefix.Length..];
        }

        string piece = " " + token;
        foreach ((string from, string to) in s_cleanUps)
        {
            piece = piece.Replace(from, to, StringComparison.Ordinal);
        }

        return piece;
    }
}
