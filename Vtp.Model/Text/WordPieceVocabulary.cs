using System.Text;

namespace Vtp.Text;

/// <summary>
/// A WordPiece vocabulary: one token per id, where the id of a token is its line index in <c>vocab.txt</c>.
/// Tokens that continue a word start with <see cref="ContinuationPrefix"/>. Immutable and safe to share between threads.
/// </summary>
public sealed class WordPieceVocabulary
{
    /// <summary>The prefix of tokens that continue a word (<c>##</c>).</summary>
    public const string ContinuationPrefix = "##";

    /// <summary>The token for words that cannot be split into vocabulary pieces.</summary>
    public const string UnknownToken = "[UNK]";

    private const string BertBaseUncasedResource = "Vtp.Text.Resources.bert-base-uncased-vocab.txt";

    private static readonly Lazy<WordPieceVocabulary> s_bertBaseUncased = new(LoadBertBaseUncased);

    private readonly string[] _tokens;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;

    private WordPieceVocabulary(string[] tokens, string source)
    {
        if (tokens.Length == 0)
        {
            throw new InvalidDataException($"Vocabulary '{source}' is empty: expected one token per line.");
        }

        var ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (int id = 0; id < tokens.Length; id++)
        {
            string token = tokens[id];
            CheckToken(token, id, source);
            if (!ids.TryAdd(token, id))
            {
                throw new InvalidDataException(
                    $"Vocabulary '{source}' line {id + 1}: token '{token}' is a duplicate of line {ids[token] + 1}.");
            }
        }

        if (!ids.TryGetValue(UnknownToken, out int unknownId))
        {
            throw new InvalidDataException($"Vocabulary '{source}' has no '{UnknownToken}' token ({tokens.Length} tokens read).");
        }

        _tokens = tokens;
        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        UnknownId = unknownId;
        Source = source;
    }

    /// <summary>The <c>bert-base-uncased</c> vocabulary (30522 tokens) shipped inside Vtp.Model; loaded once, on first use.</summary>
    public static WordPieceVocabulary BertBaseUncased => s_bertBaseUncased.Value;

    /// <summary>Number of tokens.</summary>
    public int Count => _tokens.Length;

    /// <summary>The tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>Id of <see cref="UnknownToken"/>.</summary>
    public int UnknownId { get; }

    /// <summary>Where the vocabulary came from (a path or a name), for error messages.</summary>
    public string Source { get; }

    /// <summary>Loads a <c>vocab.txt</c> (UTF-8, one token per line, id = line index).</summary>
    /// <exception cref="InvalidDataException">The file is empty, has an empty line, a token with whitespace, a duplicate token, or no <c>[UNK]</c>.</exception>
    public static WordPieceVocabulary Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a vocabulary from <paramref name="stream"/> (UTF-8, one token per line); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The content is empty, has an empty line, a token with whitespace, a duplicate token, or no <c>[UNK]</c>.</exception>
    public static WordPieceVocabulary Load(Stream stream, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var tokens = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            tokens.Add(line);
        }

        return new WordPieceVocabulary([.. tokens], source);
    }

    /// <summary>Builds a vocabulary from tokens in id order; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The list is empty, has an empty token, a token with whitespace, a duplicate, or no <c>[UNK]</c>.</exception>
    public static WordPieceVocabulary FromTokens(IEnumerable<string> tokens, string source = "token list")
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new WordPieceVocabulary([.. tokens], source);
    }

    /// <summary>Writes the vocabulary as <c>vocab.txt</c>: UTF-8 without BOM, one token per line, each ending in <c>\n</c>.</summary>
    public void Save(string path)
    {
        using FileStream stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the vocabulary to <paramref name="stream"/> in the <c>vocab.txt</c> format; leaves the stream open.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        foreach (string token in _tokens)
        {
            writer.Write(token);
            writer.Write('\n');
        }
    }

    /// <summary>The token with id <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in [0, <see cref="Count"/>).</exception>
    public string GetToken(long id)
    {
        if ((ulong)id >= (ulong)_tokens.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is outside vocabulary '{Source}' (ids 0..{_tokens.Length - 1}).");
        }

        return _tokens[id];
    }

    /// <summary>Looks up a whole token (continuation tokens with their <c>##</c>).</summary>
    public bool TryGetId(ReadOnlySpan<char> token, out int id) => _ids.TryGetValue(token, out id);

    /// <summary>The id of <paramref name="token"/>.</summary>
    /// <exception cref="KeyNotFoundException">The token is not in the vocabulary.</exception>
    public int GetId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryGetId(token, out int id)
            ? id
            : throw new KeyNotFoundException($"Token '{token}' is not in vocabulary '{Source}' ({_tokens.Length} tokens).");
    }

    private static void CheckToken(string token, int id, string source)
    {
        if (token.Length == 0)
        {
            throw new InvalidDataException($"Vocabulary '{source}' line {id + 1} is empty: expected a token.");
        }

        foreach (Rune rune in token.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                throw new InvalidDataException(
                    $"Vocabulary '{source}' line {id + 1}: token '{token}' contains whitespace U+{rune.Value:X4}, which no word can contain.");
            }
        }
    }

    private static WordPieceVocabulary LoadBertBaseUncased()
    {
        using Stream stream = typeof(WordPieceVocabulary).Assembly.GetManifestResourceStream(BertBaseUncasedResource)
            ?? throw new InvalidOperationException($"Embedded resource '{BertBaseUncasedResource}' is missing from {typeof(WordPieceVocabulary).Assembly.GetName().Name}.");
        return Load(stream, "bert-base-uncased (embedded)");
    }
}
