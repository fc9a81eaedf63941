#nullable disable
namespace Microsoft.ML.Data;

/// <summary>Maps single rows of <see cref="InputSchema"/> to rows of <see cref="OutputSchema"/>.</summary>
public interface IRowToRowMapper
{
    /// <summary>The schema of input rows.</summary>
    DataViewSchema InputSchema { get; }

    /// <summary>The schema of output rows.</summary>
    DataViewSchema OutputSchema { get; }

    /// <summary>The input columns needed to compute <paramref name="dependingColumns"/> of the output.</summary>
    IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns);

    /// <summary>An output row over <paramref name="input"/> on which <paramref name="activeColumns"/> are active.</summary>
    DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns);
}
