#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>The <c>Preview</c> methods: eager looks at the first rows of data, transformed data or fitted pipelines.</summary>
public static class DebuggerExtensions
{
    /// <summary>The first <paramref name="maxRows"/> rows of <paramref name="data"/>.</summary>
    public static DataDebuggerPreview Preview(this IDataView data, int maxRows = 100) => new(data, maxRows);

    /// <summary>The first <paramref name="maxRows"/> rows of <paramref name="data"/> after <paramref name="transformer"/>.</summary>
    public static DataDebuggerPreview Preview(this ITransformer transformer, IDataView data, int maxRows = 100)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new DataDebuggerPreview(transformer.Transform(data), maxRows);
    }

    /// <summary>
    /// Fits <paramref name="estimator"/> on the first <paramref name="maxTrainingRows"/> rows of <paramref name="data"/>,
    /// then previews the first <paramref name="maxRows"/> rows it outputs.
    /// </summary>
    public static DataDebuggerPreview Preview(this IEstimator<ITransformer> estimator, IDataView data, int maxRows = 100,
        int maxTrainingRows = 100)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return estimator.Fit(RowSlicing.Take(data, maxTrainingRows)).Preview(data, maxRows);
    }
}
