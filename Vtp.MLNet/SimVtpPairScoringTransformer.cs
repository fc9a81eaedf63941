// Video-text matching scores of (video, caption) rows, appended lazily and in batches.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>
/// Appends the VTM match probability of each row's (video, caption) pair, lazily and in batches (see
/// <see cref="SimVtpPairScoringEstimator"/>). It uses the pretrained transformer's model without owning it.
/// </summary>
public sealed class SimVtpPairScoringTransformer : ITransformer
{
    private readonly SimVtpPretrainTransformer pretrained;
    private readonly SimVtpPairScoringEstimator.Options options;

    internal SimVtpPairScoringTransformer(SimVtpPretrainTransformer pretrained, SimVtpPairScoringEstimator.Options options)
    {
        this.pretrained = pretrained;
        this.options = options;
    }

    /// <summary>The score output column.</summary>
    public string OutputColumnName => options.OutputColumnName;

    /// <inheritdoc/>
    public bool IsRowToRowMapper => true;

    /// <summary>The input schema with the score column appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Mapper(inputSchema).OutputSchema;

    /// <summary>A lazy view of <paramref name="input"/> with the score column appended.</summary>
    public IDataView Transform(IDataView input) => new ComputedColumnsView(input, Mapper(input.Schema));

    /// <summary>A mapper that scores single rows (prediction engines).</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Mapper(inputSchema);

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "ML.NET model files cannot hold third-party transformers. Save the pretrained model with transformer.Save(path), load it with " +
        "SimVtpPretrainTransformer.Load(mlContext, path) and score with mlContext.Vtp().ScorePairs(pretrained).");

    private ComputedColumnsMapper Mapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new ComputedColumnsMapper(inputSchema, options.Binding, [new VtmScoreColumn(options.OutputColumnName, pretrained, options)], options.BatchSize);
    }
}
