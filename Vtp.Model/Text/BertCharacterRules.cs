using System.Globalization;
using System.Text;

namespace Vtp.Text;

/// <summary>
/// Character classes of the BERT basic tokenizer, as the HF fast tokenizer (Rust core) applies them for
/// <c>bert-base-uncased</c>: what text cleaning drops, what counts as whitespace, which ideographs are split off,
/// which characters are punctuation, and which are the non-spacing marks that accent stripping drops. Categories
/// follow the reference's Unicode 8.0 tables (see <see cref="ReferenceUnicodeCategories"/>).
/// </summary>
internal static class BertCharacterRules
{
    /// <summary>
    /// True for characters that text cleaning drops: U+0000, U+FFFD, and the "other" categories Cc, Cf, Co and Cs
    /// except tab, line feed and carriage return (which count as whitespace). Unassigned code points (Cn) are kept,
    /// as the reference implementation keeps them.
    /// </summary>
    public static bool IsRemoved(Rune rune)
    {
        int value = rune.Value;
        if (value < 128)
        {
            // ASCII: the C0 controls but tab, line feed and carriage return, and DEL.
            return value < 32 ? value is not ('\t' or '\n' or '\r') : value == 127;
        }

        if (value == 0xFFFD)
        {
            return true;
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return category switch
        {
            UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate => true,
            UnicodeCategory.Format => !ReferenceUnicodeCategories.IsPlainInReference(value),
            _ => false,
        };
    }

    /// <summary>True for the Unicode White_Space characters (tab, line feed and carriage return included).</summary>
    public static bool IsWhitespace(Rune rune) => Rune.IsWhiteSpace(rune);

    /// <summary>
    /// True for the CJK ideograph blocks that are split into single-character words: the URO, Extensions A to E,
    /// and the two compatibility-ideograph blocks, with the block bounds of the reference implementation.
    /// </summary>
    public static bool IsCjkIdeograph(Rune rune) => rune.Value switch
    {
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x20000 and <= 0x2A6DF => true,
        >= 0x2A700 and <= 0x2B73F => true,
        >= 0x2B740 and <= 0x2B81F => true,
        >= 0x2B920 and <= 0x2CEAF => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0x2F800 and <= 0x2FA1F => true,
        _ => false,
    };

    /// <summary>
    /// True for punctuation, which becomes a word of its own: every ASCII symbol in 33-47, 58-64, 91-96 and 123-126
    /// (so <c>$ + &lt; = &gt; ^ ` | ~</c> count too) and every character of the Unicode P* categories.
    /// </summary>
    public static bool IsPunctuation(Rune rune)
    {
        int value = rune.Value;
        if (value < 128)
        {
            return value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126);
        }

        bool punctuationInDotNet = Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
        return punctuationInDotNet
            ? !ReferenceUnicodeCategories.IsPlainInReference(value)
            : ReferenceUnicodeCategories.IsFormerPunctuation(value);
    }

    /// <summary>True for the non-spacing marks (Mn) that accent stripping drops after NFD.</summary>
    public static bool IsNonSpacingMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark
            ? !ReferenceUnicodeCategories.IsPlainInReference(rune.Value) && !ReferenceUnicodeCategories.IsFormerPunctuation(rune.Value)
            : ReferenceUnicodeCategories.IsFormerNonSpacingMark(rune.Value);
}
