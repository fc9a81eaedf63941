using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Vtp.Text;

/// <summary>
/// Canonical decomposition (NFD) of one code point, from a table Vtp carries (Resources/canonical-decompositions.txt,
/// Unicode 14.0, written by make-canonical-decompositions.py) plus the arithmetic decomposition of Hangul syllables.
/// Unlike <see cref="string.Normalize(NormalizationForm)"/> it needs no ICU, so accent stripping works the same under
/// <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>. Each code point is decomposed on its own: the canonical reordering
/// of adjacent combining marks is not applied (see <see cref="BertNormalizer"/> for why that is exact here).
/// </summary>
internal static class CanonicalDecomposition
{
    /// <summary>Most code points a single code point decomposes into (U+1F82 and others: a letter and three marks).</summary>
    public const int MaxLength = 4;

    private const string Resource = "Vtp.Text.Resources.canonical-decompositions.txt";
    private const int FirstDecomposable = 0xC0;

    // Hangul syllable decomposition constants (The Unicode Standard, section 3.12).
    private const int SyllableBase = 0xAC00, LeadBase = 0x1100, VowelBase = 0x1161, TrailBase = 0x11A7;
    private const int VowelCount = 21, TrailCount = 28, SyllableCount = 19 * VowelCount * TrailCount;

    private static readonly FrozenDictionary<int, Rune[]> s_table = Load();

    /// <summary>
    /// The NFD of <paramref name="rune"/>: the table's entry, or its Hangul jamo written into <paramref name="buffer"/>,
    /// or <paramref name="rune"/> itself (in <paramref name="buffer"/>) when it does not decompose.
    /// </summary>
    /// <param name="rune">The code point.</param>
    /// <param name="buffer">Room for at least <see cref="MaxLength"/> code points.</param>
    public static ReadOnlySpan<Rune> Decompose(Rune rune, Span<Rune> buffer)
    {
        int value = rune.Value;
        if (value >= FirstDecomposable)
        {
            int syllable = value - SyllableBase;
            if ((uint)syllable < SyllableCount)
            {
                buffer[0] = new Rune(LeadBase + syllable / (VowelCount * TrailCount));
                buffer[1] = new Rune(VowelBase + syllable % (VowelCount * TrailCount) / TrailCount);
                int trail = syllable % TrailCount;
                buffer[2] = new Rune(TrailBase + trail);
                return buffer[..(trail == 0 ? 2 : 3)];
            }

            if (s_table.TryGetValue(value, out Rune[]? decomposed))
            {
                return decomposed;
            }
        }

        buffer[0] = rune;
        return buffer[..1];
    }

    private static FrozenDictionary<int, Rune[]> Load()
    {
        using Stream stream = typeof(CanonicalDecomposition).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource '{Resource}' is missing from {typeof(CanonicalDecomposition).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, Rune[]>(2100);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            int[] codePoints = [.. line.Split(' ').Select(hex => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
            table.Add(codePoints[0], [.. codePoints.Skip(1).Select(cp => new Rune(cp))]);
        }

        return table.ToFrozenDictionary();
    }
}
