#nullable disable
using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary>Column transforms of <see cref="TransformsCatalog"/>.</summary>
public static class TransformExtensionsCatalog
{
    /// <summary>Copies <paramref name="inputColumnName"/> into a new column <paramref name="outputColumnName"/>.</summary>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, string outputColumnName, string inputColumnName)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrEmpty(outputColumnName))
            throw new ArgumentNullException(nameof(outputColumnName));
        if (string.IsNullOrEmpty(inputColumnName))
            throw new ArgumentNullException(nameof(inputColumnName));
        return new ColumnCopyingEstimator((outputColumnName, inputColumnName));
    }
}
