namespace Vtp.Text;

/// <summary>
/// The merge state of WordPiece vocabulary learning: every distinct word as a sequence of symbols (a first
/// character, then <c>##</c> characters), with symbol and adjacent-pair frequencies weighted by word counts.
/// Merging a pair rewrites only the words that contain it.
/// </summary>
internal sealed class WordPieceMerger
{
    private readonly List<string> _symbols = [];
    private readonly Dictionary<string, int> _symbolIds = new(StringComparer.Ordinal);
    private readonly List<long> _symbolCounts = [];
    private readonly List<int>[] _words;
    private readonly long[] _wordCounts;
    private readonly Dictionary<long, long> _pairCounts = [];
    private readonly Dictionary<long, HashSet<int>> _pairWords = [];

    /// <summary>Splits each word into characters; <paramref name="alphabet"/> (sorted) fixes the first symbol ids.</summary>
    public WordPieceMerger(IReadOnlyList<(string Word, long Count)> words, IReadOnlyList<string> alphabet)
    {
        foreach (string symbol in alphabet)
        {
            IdOf(symbol);
        }

        _words = new List<int>[words.Count];
        _wordCounts = new long[words.Count];
        for (int w = 0; w < words.Count; w++)
        {
            _words[w] = [.. CharacterSymbols(words[w].Word).Select(IdOf)];
            _wordCounts[w] = words[w].Count;
            AddWord(w, +1);
        }
    }

    /// <summary>The first character of <paramref name="word"/> as is, each later one with the <c>##</c> prefix.</summary>
    public static IEnumerable<string> CharacterSymbols(string word)
    {
        bool first = true;
        foreach (System.Text.Rune rune in word.EnumerateRunes())
        {
            yield return first ? rune.ToString() : WordPieceVocabulary.ContinuationPrefix + rune;
            first = false;
        }
    }

    /// <summary>
    /// Merges the adjacent pair with the best WordPiece score, count(ab) / (count(a) x count(b)), ties going to the
    /// more frequent pair, then to the lower symbol ids. Returns the merged symbol, or null when no pair is left.
    /// </summary>
    public string? MergeBestPair()
    {
        long best = -1;
        double bestScore = -1;
        long bestCount = 0;
        foreach ((long pair, long count) in _pairCounts)
        {
            (int first, int second) = Split(pair);
            double score = count / ((double)_symbolCounts[first] * _symbolCounts[second]);
            if (score > bestScore || (score == bestScore && (count > bestCount || (count == bestCount && pair < best))))
            {
                (best, bestScore, bestCount) = (pair, score, count);
            }
        }

        if (best < 0)
        {
            return null;
        }

        (int a, int b) = Split(best);
        string merged = _symbols[a] + _symbols[b][WordPieceVocabulary.ContinuationPrefix.Length..];
        int mergedId = IdOf(merged);
        int[] affected = [.. _pairWords[best]];
        _pairWords.Remove(best);
        foreach (int w in affected)
        {
            AddWord(w, -1);
            MergeInWord(_words[w], a, b, mergedId);
            AddWord(w, +1);
        }

        return merged;
    }

    private static void MergeInWord(List<int> symbols, int a, int b, int merged)
    {
        int write = 0;
        for (int read = 0; read < symbols.Count; read++, write++)
        {
            if (read + 1 < symbols.Count && symbols[read] == a && symbols[read + 1] == b)
            {
                symbols[write] = merged;
                read++;
            }
            else
            {
                symbols[write] = symbols[read];
            }
        }

        symbols.RemoveRange(write, symbols.Count - write);
    }

    /// <summary>Adds (<paramref name="sign"/> = +1) or removes (-1) the symbol and pair counts of word <paramref name="w"/>.</summary>
    private void AddWord(int w, int sign)
    {
        List<int> symbols = _words[w];
        long count = sign * _wordCounts[w];
        for (int i = 0; i < symbols.Count; i++)
        {
            _symbolCounts[symbols[i]] += count;
            if (i == 0)
            {
                continue;
            }

            long pair = Join(symbols[i - 1], symbols[i]);
            long pairCount = _pairCounts.GetValueOrDefault(pair) + count;
            if (pairCount == 0)
            {
                _pairCounts.Remove(pair);
            }
            else
            {
                _pairCounts[pair] = pairCount;
            }

            if (sign > 0)
            {
                if (!_pairWords.TryGetValue(pair, out HashSet<int>? holders))
                {
                    _pairWords[pair] = holders = [];
                }

                holders.Add(w);
            }
        }
    }

    private int IdOf(string symbol)
    {
        if (!_symbolIds.TryGetValue(symbol, out int id))
        {
            id = _symbols.Count;
            _symbols.Add(symbol);
            _symbolIds.Add(symbol, id);
            _symbolCounts.Add(0);
        }

        return id;
    }

    private static long Join(int first, int second) => ((long)first << 32) | (uint)second;

    private static (int First, int Second) Split(long pair) => ((int)(pair >> 32), (int)(uint)pair);
}
