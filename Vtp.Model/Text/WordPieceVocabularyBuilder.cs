namespace Vtp.Text;

/// <summary>
/// Learns a WordPiece vocabulary from a caption corpus. The captions go through the same normalisation and
/// word splitting as <see cref="BertTokenizer"/> (special tokens written in a caption are skipped). The vocabulary
/// starts with the five special tokens at ids 0-4 ([PAD], [UNK], [CLS], [SEP], [MASK]) and every character of the
/// corpus, both as a word start and as a <c>##</c> continuation where it occurs there (sorted ordinally). It then
/// grows by likelihood-based WordPiece merges: the adjacent pair with the highest
/// count(ab) / (count(a) x count(b)) is merged, counts weighted by word frequency, until the target size is reached
/// or no pair is left. Because every character of the corpus is in the vocabulary, tokenising the corpus with it
/// never gives [UNK] (except for words of more than 100 code points, which are left out of learning), so decoding
/// gives back the normalised text. Each merge scans the distinct pairs, so learning costs about
/// merges x distinct pairs: fine for caption corpora, not meant for web-scale text.
/// </summary>
public static class WordPieceVocabularyBuilder
{
    /// <summary>Learns a vocabulary of at most <paramref name="targetSize"/> tokens from <paramref name="corpus"/>.</summary>
    /// <returns>The vocabulary; smaller than the target when the corpus runs out of pairs to merge.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="targetSize"/> is smaller than the special tokens plus the corpus's characters, which must all be kept.
    /// </exception>
    public static WordPieceVocabulary Build(IEnumerable<string> corpus, int targetSize)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        List<(string Word, long Count)> words = CountWords(corpus);
        string[] alphabet = [.. words.SelectMany(w => WordPieceMerger.CharacterSymbols(w.Word)).Distinct().Order(StringComparer.Ordinal)];

        var tokens = new List<string>(BertSpecialTokens.All);
        tokens.AddRange(alphabet);
        if (targetSize < tokens.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(targetSize), targetSize,
                $"Target vocabulary size {targetSize} is below the {BertSpecialTokens.All.Count} special tokens plus the corpus's " +
                $"{alphabet.Length} character tokens; expected at least {tokens.Count}.");
        }

        var known = new HashSet<string>(tokens, StringComparer.Ordinal);
        var merger = new WordPieceMerger(words, alphabet);
        while (tokens.Count < targetSize && merger.MergeBestPair() is { } merged)
        {
            if (known.Add(merged))
            {
                tokens.Add(merged);
            }
        }

        return WordPieceVocabulary.FromTokens(tokens, $"learned from {words.Count} distinct words");
    }

    /// <summary>Distinct normalised words of the corpus with their counts, in order of first appearance.</summary>
    private static List<(string Word, long Count)> CountWords(IEnumerable<string> corpus)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        // Special tokens written in a caption are skipped; their ids do not matter here.
        var specialTokens = new SpecialTokenMatcher(new BertSpecialTokens(0, 1, 2, 3, 4));
        using var normalized = new AlignedText();
        foreach (string caption in corpus)
        {
            ArgumentNullException.ThrowIfNull(caption, nameof(corpus));
            var items = new BertPreTokenEnumerator(caption, specialTokens, normalized);
            while (items.MoveNext())
            {
                ReadOnlySpan<char> word = items.Word;
                if (items.SpecialId < 0 && BertEncoder.CountCodePoints(word) <= BertEncoder.MaxInputCharsPerWord)
                {
                    lookup[word] = lookup.TryGetValue(word, out long count) ? count + 1 : 1;
                }
            }
        }

        return [.. counts.Select(pair => (pair.Key, pair.Value))];
    }
}
