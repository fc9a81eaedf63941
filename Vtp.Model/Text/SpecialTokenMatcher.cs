using System.Buffers;

namespace Vtp.Text;

/// <summary>
/// Finds the special tokens written literally in raw input text (before any normalisation): the leftmost match
/// wins, and the longest one where several start at the same place. The text between matches is tokenised normally.
/// </summary>
internal sealed class SpecialTokenMatcher
{
    private readonly (string Token, int Id)[] _tokens;
    private readonly SearchValues<char> _firstChars;

    public SpecialTokenMatcher(BertSpecialTokens ids)
    {
        _tokens =
        [
            (BertSpecialTokens.PadToken, ids.Pad),
            (BertSpecialTokens.UnknownToken, ids.Unknown),
            (BertSpecialTokens.ClassifierToken, ids.Classifier),
            (BertSpecialTokens.SeparatorToken, ids.Separator),
            (BertSpecialTokens.MaskToken, ids.Mask),
        ];
        _firstChars = SearchValues.Create([.. _tokens.Select(t => t.Token[0]).Distinct()]);
    }

    /// <summary>
    /// Finds the first special token in <paramref name="text"/>. Returns false when there is none; otherwise
    /// <paramref name="index"/> and <paramref name="length"/> locate it and <paramref name="id"/> is its id.
    /// </summary>
    public bool TryFindNext(ReadOnlySpan<char> text, out int index, out int length, out int id)
    {
        int offset = 0;
        while (offset < text.Length)
        {
            int candidate = text[offset..].IndexOfAny(_firstChars);
            if (candidate < 0)
            {
                break;
            }

            index = offset + candidate;
            length = 0;
            id = -1;
            foreach ((string token, int tokenId) in _tokens)
            {
                if (token.Length > length && text[index..].StartsWith(token, StringComparison.Ordinal))
                {
                    length = token.Length;
                    id = tokenId;
                }
            }

            if (length > 0)
            {
                return true;
            }

            offset = index + 1;
        }

        index = length = 0;
        id = -1;
        return false;
    }
}
