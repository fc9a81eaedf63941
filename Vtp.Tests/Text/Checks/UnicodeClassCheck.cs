using System.Globalization;
using System.Text;
using System.Text.Json;
using Vtp.Text;

namespace Vtp.Tests.Text.Checks;

/// <summary>
/// Every Unicode code point through normalisation and word splitting, against the class the HF tokenizer gives it
/// in the context "a" + c + "b" (Data/hf-unicode-classes.json).
/// </summary>
internal static class UnicodeClassCheck
{
    /// <summary>Surrogate code points, which are not characters (the fixture skips them).</summary>
    public const int SurrogateCount = 0x800;

    /// <summary>
    /// Letters whose lower-case mapping came with Unicode 16 or 17, which the reference's Rust standard library
    /// lower-cases and .NET may not know yet: ICU 72 knows none, .NET 10's own tables (invariant mode) the Unicode 16 ones.
    /// </summary>
    public static readonly (int First, int Last)[] RecentCasings =
    [
        (0x1C89, 0x1C89), (0xA7CB, 0xA7CC), (0xA7CE, 0xA7CE), (0xA7D2, 0xA7D2), (0xA7D4, 0xA7D4), (0xA7DA, 0xA7DA),
        (0xA7DC, 0xA7DC), (0x10D50, 0x10D65), (0x16EA0, 0x16EB8),
    ];

    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;

    /// <summary>
    /// Compares every code point but the surrogates and those of <see cref="RecentCasings"/> that .NET does not
    /// lower-case in this globalization mode.
    /// </summary>
    public static CheckResult Run()
    {
        char[] expected = ExpectedClasses();
        var mismatches = new List<string>();
        int compared = 0;
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF || IsUnknownCasing(cp))
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

        return new CheckResult("unicode classes", compared, mismatches);
    }

    /// <summary>True for a letter of <see cref="RecentCasings"/> that .NET leaves as it is in this globalization mode.</summary>
    public static bool IsUnknownCasing(int cp) =>
        RecentCasings.Any(r => cp >= r.First && cp <= r.Last) && Rune.ToLowerInvariant(new Rune(cp)).Value == cp;

    /// <summary>The fixture's classes, one per code point.</summary>
    public static char[] ExpectedClasses()
    {
        using JsonDocument fixture = TextTestData.ReadJson("hf-unicode-classes.json");
        return ExpandRuns(fixture.RootElement.GetProperty("runs").GetString()!);
    }

    /// <summary>The fixture's class of code point <paramref name="cp"/>, computed here (see the fixture's "classes").</summary>
    public static char ClassOf(int cp)
    {
        string c = char.ConvertFromUtf32(cp);
        string normalized = s_tokenizer.Normalizer.Normalize("a" + c + "b");
        string[] words = TextTestData.Words(s_tokenizer, normalized);
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
