using System.Text;
using Vtp.Tests.Text.Checks;
using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>
/// Vtp's own NFD table (used with and without ICU) against ICU's <see cref="string.Normalize(NormalizationForm)"/>,
/// through the normaliser: every code point that ICU decomposes normalises as its decomposition does.
/// </summary>
[TestClass]
public sealed class CanonicalDecompositionTests
{
    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;

    [TestMethod]
    public void EveryCodePointIcuDecomposesNormalisesLikeItsDecompositionButU11938()
    {
        if (!TextCheckProgram.IcuNormalizes())
        {
            Assert.Fail("This test takes ICU's string.Normalize as its oracle, and this process runs without ICU (invariant globalization): run it with ICU, as ./test.sh does; the invariant mode has its own tests.");
        }

        var differing = new List<string>();
        int decomposable = 0;
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            // Surrogates are no characters; ICU refuses to normalise the noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF).
            bool noCharacter = cp is >= 0xD800 and <= 0xDFFF or >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
            string c = noCharacter ? "" : char.ConvertFromUtf32(cp);
            string decomposed = c.Normalize(NormalizationForm.FormD);
            if (decomposed == c)
            {
                continue;
            }

            decomposable++;
            string expected = string.Concat(decomposed.EnumerateRunes().Select(part => s_tokenizer.Normalizer.Normalize(part.ToString())));
            if (s_tokenizer.Normalizer.Normalize(c) != expected)
            {
                differing.Add($"U+{cp:X4}");
            }
        }

        // Hangul syllables (11172) and the table's 2060 entries, give or take ICU's Unicode version.
        Assert.IsTrue(decomposable > 13000, $"{decomposable} code points decompose");
        // U+11938 decomposes since Unicode 13; HF's normaliser leaves it whole (hf-unicode-classes.json), and so does Vtp.
        CollectionAssert.AreEqual(new[] { "U+11938" }, differing);
    }

    [TestMethod]
    [DataRow("\uD55C", "\u1112\u1161\u11AB", DisplayName = "Hangul LVT syllable")]
    [DataRow("\uAC00", "\u1100\u1161", DisplayName = "Hangul LV syllable, no trailing consonant")]
    [DataRow("\u1E69", "s", DisplayName = "two marks stripped (s with dot below and dot above)")]
    [DataRow("\u212B", "a", DisplayName = "singleton: Angstrom sign to A with ring")]
    [DataRow("\uF902", " \u8ECA ", DisplayName = "CJK compatibility ideograph to its unified ideograph, spaced")]
    [DataRow("\u0958", "\u0915", DisplayName = "Devanagari qa: ka with nukta, nukta dropped")]
    [DataRow("\u0BCA", "\u0BC6\u0BBE", DisplayName = "Tamil two-part vowel: both parts kept (Mc)")]
    public void DecomposesFromVtpsOwnTable(string text, string expected)
    {
        Assert.AreEqual(expected, s_tokenizer.Normalizer.Normalize(text));
    }
}
