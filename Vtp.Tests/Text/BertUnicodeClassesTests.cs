using System.Text;
using Vtp.Tests.Text.Checks;

namespace Vtp.Tests.Text;

/// <summary>
/// Every Unicode code point through normalisation and word splitting, against the class the HF tokenizer gives it
/// in the context "a" + c + "b" (Data/hf-unicode-classes.json, written by the HF tokenizers library).
/// </summary>
[TestClass]
public sealed class BertUnicodeClassesTests
{
    private const int RecentCasingCount = 55;

    [TestMethod]
    public void EveryCodePointIsRemovedSpacedSplitOrKeptLikeTheReference()
    {
        CheckResult result = UnicodeClassCheck.Run();
        result.AssertNoMismatches();
        int leftOut = 0x110000 - UnicodeClassCheck.SurrogateCount - result.Compared;
        Assert.IsTrue(leftOut <= RecentCasingCount, $"{leftOut} code points left out; at most the {RecentCasingCount} recent casings may be");
    }

    [TestMethod]
    public void TheRecentCasingsAreLowerCasedByTheReferenceAndHereOnlyWhereDotNetKnowsThem()
    {
        char[] expected = UnicodeClassCheck.ExpectedClasses();
        int[] codePoints = [.. UnicodeClassCheck.RecentCasings.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1))];
        Assert.AreEqual(RecentCasingCount, codePoints.Length);
        foreach (int cp in codePoints)
        {
            Assert.AreEqual('N', expected[cp], $"U+{cp:X4} in the reference");
            char here = Rune.ToLowerInvariant(new Rune(cp)).Value == cp ? 'K' : 'N';
            Assert.AreEqual(here, UnicodeClassCheck.ClassOf(cp), $"U+{cp:X4} here");
        }
    }
}
