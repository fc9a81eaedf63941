#nullable disable
namespace Microsoft.ML;

// Lazy views of the first rows, or the rows after the first ones, in the input's own order (ML.NET's SkipTakeFilter).
internal static class RowSlicing
{
    public static IDataView Take(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new FilteredDataView(input, Array.Empty<int>(),
            row => () => row.Position < count ? FilterDecision.Keep : FilterDecision.Stop, keepsOrder: true,
            rowCount: () => input.GetRowCount() is long n ? Math.Min(n, Math.Max(count, 0)) : null);
    }

    public static IDataView Skip(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new FilteredDataView(input, Array.Empty<int>(),
            row => () => row.Position < count ? FilterDecision.Skip : FilterDecision.Keep, keepsOrder: true,
            rowCount: () => input.GetRowCount() is long n ? Math.Max(n - Math.Max(count, 0), 0) : null);
    }
}
