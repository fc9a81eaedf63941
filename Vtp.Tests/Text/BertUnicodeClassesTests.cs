using System.Globalization;
using System.Text.Json;
using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>
/// Every Unicode code point through normalisation and word splitting, against the class the HF tokenizer gives it
/// in the context "a" + c + "b" (Data/hf-unicode-classes.json, written by the HF tokenizers library).
/// </summary>
[TestClass]
public sealed class BertUnicodeClassesTests
{
    /// <summary>
    /// Letters whose lower-case mapping came with Unicode 16 or later, which the reference's Rust standard library
    /// lower-cases and .NET 10's casing tables do not know yet.
    /// </summary>
    private static readonly (int First, int Last)[] s_recentCasing =
    [
        (0x1C89, 0x1C89), (0xA7CB, 0xA7CC), (0xA7CE, 0xA7CE), (0xA7D2, 0xA7D2), (0xA7D4, 0xA7D4), (0xA7DA, 0xA7DA),
        (0xA7DC, 0xA7DC), (0x10D50, 0x10D65), (0x16EA0, 0x16EB8),
    ];

    [TestMethod]
    public void EveryCodePointIsRemovedSpacedSplitOrKeptLikeTheReference()
    {
        using JsonDocument fixture = TextTestData.ReadJson("hf-unicode-classes.json");
        char[] expected = ExpandRuns(fixture.RootElement.GetProperty("runs").GetString()!);
        var mismatches = new List<string>();
        int compared = 0;
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF || IsRecentCasing(cp))
            {
                continue;
            }

            char actual = ClassOf(cp);
            compared++;
            if (actual != expected[cp])
            {
                mismatches.Add($"U+{cp:X4} ({CharUnicodeInfo.GetUnicodeCategory(cp)}): expected class {expected[cp]}, got {actual}");
            }
        }

        Assert.AreEqual(0x110000 - 0x800 - 55, compared, "all code points but surrogates and the 55 recent casings");
        Assert.AreEqual(0, mismatches.Count, string.Join("\n", mismatches.Take(40)));
    }

    [TestMethod]
    public void TheRecentCasingsAreTheOnlyCodePointsLeftOut()
    {
        // They are letters the reference lower-cases (class N) and .NET leaves as they are (class K).
        using JsonDocument fixture = TextTestData.ReadJson("hf-unicode-classes.json");
        char[] expected = ExpandRuns(fixture.RootElement.GetProperty("runs").GetString()!);
        int[] codePoints = [.. s_recentCasing.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1))];
        Assert.AreEqual(55, codePoints.Length);
        foreach (int cp in codePoints)
        {
            Assert.AreEqual('N', expected[cp], $"U+{cp:X4} in the reference");
            Assert.AreEqual('K', ClassOf(cp), $"U+{cp:X4} here");
        }
    }

    /// <summary>The fixture's class of code point <paramref name="cp"/>, computed here (see the fixture's "classes").</summary>
    private static char ClassOf(int cp)
    {
        string c = char.ConvertFromUtf32(cp);
        string normalized = BertTokenizer.Normalize("a" + c + "b");
        string[] words = BertTokenizer.SplitWords(normalized);
        return (normalized, words.Length) switch
        {
            ("ab", _) => 'R',
            ("a b", 2) => 'W',
            (_, 1) => normalized == "a" + c + "b" ? 'K' : 'N',
            (_, 3) when normalized.StartsWith("a ", StringComparison.Ordinal) && normalized.EndsWith(" b", StringComparison.Ordinal) => 'C',
            (_, 3) when !normalized.Contains(' ') => 'P',
            _ => '?',
        };
    }

    private static bool IsRecentCasing(int cp) => s_recentCasing.Any(r => cp >= r.First && cp <= r.Last);

    /// <summary>Expands "0R 9W BR ..." (first code point in hex, then its class, up to the next run) to one class per code point.</summary>
    private static char[] ExpandRuns(string runs)
    {
        var classes = new char[0x110000];
        string[] items = runs.Split(' ');
        for (int i = 0; i < items.Length; i++)
        {
            int first = int.Parse(items[i].AsSpan(0, items[i].Length - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int end = i + 1 < items.Length
                ? int.Parse(items[i + 1].AsSpan(0, items[i + 1].Length - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : classes.Length;
            classes.AsSpan(first, end - first).Fill(items[i][^1]);
        }

        return classes;
    }
}
