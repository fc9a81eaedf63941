using System.Text;

namespace Vtp.Tests.Text.Checks;

/// <summary>
/// What Vtp.Tests.dll runs when it is started as a program with <c>text-checks</c> (<see cref="Program"/>); the test
/// host never calls it. Runs the HF fixture checks and prints one line per check with its first mismatches, whether
/// globalization is invariant (<see cref="string.Normalize()"/> decomposes "é" only with ICU) and a fingerprint of
/// .NET's Unicode categories, so that <see cref="InvariantGlobalizationTests"/> can run the checks in
/// a child process with <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>.
/// </summary>
internal static class TextCheckProgram
{
    public const string Command = "text-checks";

    public static int Run()
    {
        Console.WriteLine($"invariant globalization: {(IcuNormalizes() ? "off" : "on")}");
        Console.WriteLine($"category fingerprint: {CategoryFingerprint()}");
        bool passed = true;
        foreach (CheckResult result in HfFixtureChecks.All())
        {
            Console.WriteLine(result);
            foreach (string mismatch in result.Mismatches.Take(20))
            {
                Console.WriteLine($"  {mismatch}");
            }

            passed &= result.Mismatches.Count == 0;
        }

        return passed ? 0 : 1;
    }

    /// <summary>True when <see cref="string.Normalize(NormalizationForm)"/> decomposes, which it does only with ICU.</summary>
    public static bool IcuNormalizes() => "\u00E9".Normalize(NormalizationForm.FormD).Length == 2;

    /// <summary>A hash of <see cref="Rune.GetUnicodeCategory"/> over every code point (surrogates excepted).</summary>
    public static string CategoryFingerprint()
    {
        var categories = new byte[0x110000];
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            categories[cp] = cp is >= 0xD800 and <= 0xDFFF ? byte.MaxValue : (byte)Rune.GetUnicodeCategory(new Rune(cp));
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(categories));
    }
}
