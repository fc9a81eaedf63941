namespace Vtp.Text;

/// <summary>
/// Greedy longest-match-first WordPiece: splits one word into the longest vocabulary prefix, then the longest
/// <c>##</c> continuation, and so on. A word with a part no piece matches, or with more than
/// <see cref="MaxInputCharsPerWord"/> code points, becomes a single <c>[UNK]</c>.
/// </summary>
internal sealed class WordPieceSegmenter
{
    /// <summary>Words longer than this many code points become <c>[UNK]</c> without being split.</summary>
    public const int MaxInputCharsPerWord = 100;

    private readonly WordPieceVocabulary _vocabulary;

    public WordPieceSegmenter(WordPieceVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
    }

    /// <summary>Appends the piece ids of <paramref name="word"/> (a normalised word, no whitespace) to <paramref name="ids"/>.</summary>
    public void AppendIds(ReadOnlySpan<char> word, List<int> ids)
    {
        if (word.Length > MaxInputCharsPerWord && CountCodePoints(word) > MaxInputCharsPerWord)
        {
            ids.Add(_vocabulary.UnknownId);
            return;
        }

        int firstPiece = ids.Count;
        int start = 0;
        while (start < word.Length)
        {
            bool continuation = start > 0;
            int longest = continuation ? _vocabulary.MaxContinuationLength : _vocabulary.MaxTokenLength;
            int end = start + Math.Min(word.Length - start, longest);
            if (end < word.Length && char.IsLowSurrogate(word[end]))
            {
                end--; // never cut a surrogate pair
            }

            int pieceId = -1;
            while (end > start)
            {
                ReadOnlySpan<char> piece = word[start..end];
                bool found = continuation
                    ? _vocabulary.TryGetContinuationId(piece, out pieceId)
                    : _vocabulary.TryGetId(piece, out pieceId);
                if (found)
                {
                    break;
                }

                pieceId = -1;
                end -= end - start >= 2 && char.IsLowSurrogate(word[end - 1]) && char.IsHighSurrogate(word[end - 2]) ? 2 : 1;
            }

            if (pieceId < 0)
            {
                ids.RemoveRange(firstPiece, ids.Count - firstPiece);
                ids.Add(_vocabulary.UnknownId);
                return;
            }

            ids.Add(pieceId);
            start = end;
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
}
