#nullable disable
namespace Microsoft.ML.Data;

/// <summary>
/// An estimator that needs no training: <see cref="Fit"/> checks the input schema and returns the transformer it
/// was created with. Only components of this library can derive from it, as in ML.NET.
/// </summary>
public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : class, ITransformer
{
    private protected readonly TTransformer Transformer;

    private protected TrivialEstimator(TTransformer transformer)
    {
        Transformer = transformer ?? throw new ArgumentNullException(nameof(transformer));
    }

    /// <summary>Validates <paramref name="input"/>'s schema and returns the transformer.</summary>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Transformer.GetOutputSchema(input.Schema);
        return Transformer;
    }

    /// <inheritdoc/>
    public abstract SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
