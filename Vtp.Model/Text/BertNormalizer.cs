using System.Buffers;
using System.Text;

namespace Vtp.Text;

/// <summary>
/// The normalising half of the BERT basic tokenizer for an uncased vocabulary, in the order the HF fast tokenizer
/// applies it: (1) drop control/format/private-use characters, U+0000 and U+FFFD, and turn every whitespace
/// character into a space; (2) put spaces around CJK ideographs; (3) NFD, then drop non-spacing marks (Mn), which
/// strips accents; (4) lower-case (invariant, per code point). Character categories follow the reference's Unicode
/// 8.0 tables (<see cref="ReferenceUnicodeCategories"/>). Lower-casing follows .NET, which does not yet know the
/// mappings Unicode 16 added for 55 letters of recent scripts, which the reference lower-cases.
/// </summary>
internal static class BertNormalizer
{
    private const char NonCharacterFffe = '\uFFFE';
    private const string DivesAkuruVowelSignO = "\U00011938";

    /// <summary>
    /// Normalises <paramref name="text"/> into <paramref name="output"/>, using <paramref name="scratch"/> as working
    /// space. Both buffers are cleared first. Unpaired surrogates in the input are dropped like U+FFFD.
    /// </summary>
    public static void Normalize(ReadOnlySpan<char> text, PooledCharBuffer output, PooledCharBuffer scratch)
    {
        scratch.Clear();
        CleanAndSpaceIdeographs(text, scratch);

        output.Clear();
        ReadOnlySpan<char> cleaned = scratch.Written;
        if (Ascii.IsValid(cleaned))
        {
            // ASCII has no marks and is its own NFD, so only lower-casing remains (vectorised).
            Ascii.ToLower(cleaned, output.GetFreeSpan(cleaned.Length), out int written);
            output.Advance(written);
            return;
        }

        // Two characters are left as they are: .NET refuses to normalise text holding U+FFFE, and the reference's
        // NFD predates the decomposition of U+11938 (Unicode 13). Both are starters (combining class 0), so
        // normalising the text between them gives the same result as normalising the whole.
        while (true)
        {
            int cut = IndexOfUndecomposed(cleaned, out int cutLength);
            DecomposeStripMarksAndLowerCase(cut < 0 ? cleaned : cleaned[..cut], output);
            if (cut < 0)
            {
                return;
            }

            cleaned[cut..(cut + cutLength)].CopyTo(output.GetFreeSpan(cutLength));
            output.Advance(cutLength);
            cleaned = cleaned[(cut + cutLength)..];
        }
    }

    private static int IndexOfUndecomposed(ReadOnlySpan<char> text, out int length)
    {
        int nonCharacter = text.IndexOf(NonCharacterFffe);
        int diveAkuruO = text.IndexOf(DivesAkuruVowelSignO);
        if (diveAkuruO >= 0 && (nonCharacter < 0 || diveAkuruO < nonCharacter))
        {
            length = DivesAkuruVowelSignO.Length;
            return diveAkuruO;
        }

        length = 1;
        return nonCharacter;
    }

    private static void DecomposeStripMarksAndLowerCase(ReadOnlySpan<char> text, PooledCharBuffer output)
    {
        char[]? rented = null;
        try
        {
            int decomposedLength = text.GetNormalizedLength(NormalizationForm.FormD);
            Span<char> decomposed = decomposedLength <= 256
                ? stackalloc char[decomposedLength]
                : (rented = ArrayPool<char>.Shared.Rent(decomposedLength)).AsSpan(0, decomposedLength);
            text.TryNormalize(decomposed, out int decomposedWritten, NormalizationForm.FormD);
            foreach (Rune rune in decomposed[..decomposedWritten].EnumerateRunes())
            {
                if (!BertCharacterRules.IsNonSpacingMark(rune))
                {
                    output.Append(Rune.ToLowerInvariant(rune));
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void CleanAndSpaceIdeographs(ReadOnlySpan<char> text, PooledCharBuffer output)
    {
        while (!text.IsEmpty)
        {
            // An unpaired surrogate decodes as U+FFFD, which cleaning drops.
            Rune.DecodeFromUtf16(text, out Rune rune, out int consumed);
            text = text[consumed..];
            if (BertCharacterRules.IsRemoved(rune))
            {
                continue;
            }

            if (BertCharacterRules.IsWhitespace(rune))
            {
                output.Append(' ');
            }
            else if (BertCharacterRules.IsCjkIdeograph(rune))
            {
                output.Append(' ');
                output.Append(rune);
                output.Append(' ');
            }
            else
            {
                output.Append(rune);
            }
        }
    }
}
