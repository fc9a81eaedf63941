using System.Text;
using Microsoft.ML.Tokenizers;

namespace Vtp.Text;

/// <summary>
/// HF's <c>BertNormalizer</c> for an uncased vocabulary (clean text, CJK spacing, accent stripping, lower-casing),
/// as a <see cref="Normalizer"/>: (1) drop control/format/private-use characters, U+0000 and U+FFFD, and turn every
/// whitespace character into a space; (2) put spaces around CJK ideographs; (3) NFD, then drop non-spacing marks
/// (Mn), which strips accents; (4) lower-case (invariant, per code point). Character categories follow the
/// reference's Unicode 8.0 tables (<see cref="ReferenceUnicodeCategories"/>); NFD comes from Vtp's own table
/// (<see cref="CanonicalDecomposition"/>), so the result is the same with ICU and under invariant globalization.
/// </summary>
/// <remarks>
/// Each input code point is normalised on its own, which lets every output character remember its source
/// (<see cref="AlignedText"/>). This equals normalising the whole text except for the canonical reordering of
/// combining marks, which only changes the order of marks that are then dropped, or of the 25 spacing marks with a
/// combining class (Mc, e.g. musical stems and some viramas): no token of bert-base-uncased holds a character with
/// a combining class, so a word containing one is [UNK] in either order. Lower-casing uses .NET's mapping: with
/// ICU that is ICU's Unicode version, under invariant globalization .NET's own tables. HF lower-cases 55 letters of
/// Unicode 16 and 17 that ICU 72 leaves as they are (.NET 10's own tables know 27 of them); none is in
/// bert-base-uncased's vocabulary, so a word holding one is [UNK] either way.
/// </remarks>
internal sealed class BertNormalizer : Normalizer
{
    private BertNormalizer()
    {
    }

    /// <summary>The normaliser (it holds no state).</summary>
    public static BertNormalizer Instance { get; } = new();

    /// <inheritdoc/>
    public override string Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Normalize(original.AsSpan());
    }

    /// <inheritdoc/>
    public override string Normalize(ReadOnlySpan<char> original)
    {
        using var text = new AlignedText();
        Append(original, 0, text);
        return text.Text.ToString();
    }

    /// <summary>
    /// Appends the normalised form of <paramref name="text"/> to <paramref name="output"/>, each character with its
    /// source range shifted by <paramref name="offset"/> (where <paramref name="text"/> starts in the whole input).
    /// Unpaired surrogates are dropped like U+FFFD.
    /// </summary>
    public static void Append(ReadOnlySpan<char> text, int offset, AlignedText output)
    {
        Span<Rune> buffer = stackalloc Rune[CanonicalDecomposition.MaxLength];
        int position = 0;
        while (position < text.Length)
        {
            // An unpaired surrogate decodes as U+FFFD, which cleaning drops.
            Rune.DecodeFromUtf16(text[position..], out Rune rune, out int consumed);
            int start = offset + position;
            int end = start + consumed;
            position += consumed;
            if (BertCharacterRules.IsRemoved(rune))
            {
                continue;
            }

            if (BertCharacterRules.IsWhitespace(rune))
            {
                output.Append(new Rune(' '), start, end);
                continue;
            }

            bool ideograph = BertCharacterRules.IsCjkIdeograph(rune);
            if (ideograph)
            {
                output.Append(new Rune(' '), start, end);
            }

            foreach (Rune part in CanonicalDecomposition.Decompose(rune, buffer))
            {
                if (!BertCharacterRules.IsNonSpacingMark(part))
                {
                    output.Append(Rune.ToLowerInvariant(part), start, end);
                }
            }

            if (ideograph)
            {
                output.Append(new Rune(' '), start, end);
            }
        }
    }
}
