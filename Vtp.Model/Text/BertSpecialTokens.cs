namespace Vtp.Text;

/// <summary>
/// The five BERT special tokens and their ids in one vocabulary. In input text they are matched literally and
/// case-sensitively (<c>"[MASK]"</c> is the mask token, <c>"[mask]"</c> is three ordinary words), and they are never split.
/// </summary>
/// <param name="Pad">Id of <c>[PAD]</c> (0 in bert-base-uncased).</param>
/// <param name="Unknown">Id of <c>[UNK]</c> (100).</param>
/// <param name="Classifier">Id of <c>[CLS]</c> (101).</param>
/// <param name="Separator">Id of <c>[SEP]</c> (102).</param>
/// <param name="Mask">Id of <c>[MASK]</c> (103).</param>
public sealed record BertSpecialTokens(int Pad, int Unknown, int Classifier, int Separator, int Mask)
{
    /// <summary>The padding token.</summary>
    public const string PadToken = "[PAD]";

    /// <summary>The unknown-word token.</summary>
    public const string UnknownToken = WordPieceVocabulary.UnknownToken;

    /// <summary>The token that opens every sequence.</summary>
    public const string ClassifierToken = "[CLS]";

    /// <summary>The token that closes each segment.</summary>
    public const string SeparatorToken = "[SEP]";

    /// <summary>The masked-language-model token.</summary>
    public const string MaskToken = "[MASK]";

    /// <summary>The five special tokens, in the order [PAD], [UNK], [CLS], [SEP], [MASK].</summary>
    public static IReadOnlyList<string> All { get; } = [PadToken, UnknownToken, ClassifierToken, SeparatorToken, MaskToken];

    /// <summary>Looks the five tokens up in <paramref name="vocabulary"/>.</summary>
    /// <exception cref="ArgumentException">The vocabulary lacks one of them.</exception>
    public static BertSpecialTokens From(WordPieceVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new BertSpecialTokens(
            Find(vocabulary, PadToken),
            Find(vocabulary, UnknownToken),
            Find(vocabulary, ClassifierToken),
            Find(vocabulary, SeparatorToken),
            Find(vocabulary, MaskToken));
    }

    /// <summary>True when <paramref name="id"/> is one of the five special ids.</summary>
    public bool IsSpecial(long id) => id == Pad || id == Unknown || id == Classifier || id == Separator || id == Mask;

    private static int Find(WordPieceVocabulary vocabulary, string token) =>
        vocabulary.TryGetId(token, out int id)
            ? id
            : throw new ArgumentException(
                $"Vocabulary '{vocabulary.Source}' has no special token '{token}'; a BERT tokenizer needs all of {string.Join(", ", All)}.",
                nameof(vocabulary));
}
