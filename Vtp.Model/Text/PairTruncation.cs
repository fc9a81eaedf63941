namespace Vtp.Text;

/// <summary>
/// Token-level truncation to a length budget, with the HF fast tokenizer's default <c>longest_first</c> rule for
/// pairs. The budget excludes the special tokens, which are added after truncation. Truncation keeps the start of
/// each segment.
/// </summary>
internal static class PairTruncation
{
    /// <summary>
    /// Lengths to keep for segments of <paramref name="first"/> and <paramref name="second"/> tokens within
    /// <paramref name="budget"/> tokens. With both segments too long for an even share, the budget is halved and the
    /// longer segment gets the odd token; otherwise the shorter segment is kept whole and the longer one takes the rest.
    /// </summary>
    public static (int First, int Second) Lengths(int first, int second, int budget)
    {
        if (first + second <= budget)
        {
            return (first, second);
        }

        bool swapped = first > second;
        int shorter = swapped ? second : first;
        int longer = shorter > budget ? shorter : Math.Max(shorter, budget - shorter);
        if (shorter + longer > budget)
        {
            shorter = budget / 2;
            longer = shorter + budget % 2;
        }

        return swapped ? (longer, shorter) : (shorter, longer);
    }
}
