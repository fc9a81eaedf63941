using System.Text;

namespace Vtp.Text;

/// <summary>
/// Ids back to text, as the HF fast tokenizer's WordPiece decoder does it: pieces after the first get a leading
/// space unless they start with <c>##</c> (which is dropped), then each piece on its own gets the tokenizer
/// clean-up (<c>" ." -> "."</c> and the like). A first piece keeps its <c>##</c>.
/// </summary>
internal static class WordPieceDecoder
{
    private static readonly (string From, string To)[] s_cleanUps =
    [
        (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"),
        (" do not", " don't"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
    ];

    /// <summary>Decodes <paramref name="ids"/>; ids of <paramref name="skipped"/> (when given) are left out.</summary>
    public static string Decode(ReadOnlySpan<long> ids, WordPieceVocabulary vocabulary, BertSpecialTokens? skipped)
    {
        var text = new StringBuilder(ids.Length * 6);
        var piece = new StringBuilder(32);
        bool first = true;
        foreach (long id in ids)
        {
            string token = vocabulary.GetToken(id);
            if (skipped is not null && skipped.IsSpecial(id))
            {
                continue;
            }

            if (first)
            {
                text.Append(token);
            }
            else if (token.StartsWith(WordPieceVocabulary.ContinuationPrefix, StringComparison.Ordinal))
            {
                text.Append(token, WordPieceVocabulary.ContinuationPrefix.Length, token.Length - WordPieceVocabulary.ContinuationPrefix.Length);
            }
            else
            {
                piece.Clear().Append(' ').Append(token);
                foreach ((string from, string to) in s_cleanUps)
                {
                    piece.Replace(from, to);
                }

                text.Append(piece);
            }

            first = false;
        }

        return text.ToString();
    }
}
