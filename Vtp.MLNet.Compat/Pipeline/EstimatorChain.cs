#nullable disable
namespace Microsoft.ML.Data;

/// <summary>
/// Estimators applied in sequence: fitting fits each on the output of the transformers fitted before it.
/// </summary>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    private readonly TransformerScope[] _scopes;

    /// <summary>The last estimator, or null for an empty chain.</summary>
    public readonly IEstimator<TLastTransformer> LastEstimator;

    /// <summary>An empty chain; fitting it gives a chain that returns its input.</summary>
    public EstimatorChain()
        : this(Array.Empty<IEstimator<ITransformer>>(), Array.Empty<TransformerScope>())
    {
    }

    private EstimatorChain(IEstimator<ITransformer>[] estimators, TransformerScope[] scopes)
    {
        _estimators = estimators;
        _scopes = scopes;
        LastEstimator = estimators.LastOrDefault() as IEstimator<TLastTransformer>;
    }

    /// <summary>Checks the schema through the whole chain, then fits each estimator on the data transformed so far.</summary>
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        IDataView current = input;
        var transformers = new ITransformer[_estimators.Length];
        for (int i = 0; i < _estimators.Length; i++)
        {
            transformers[i] = _estimators[i].Fit(current);
            current = transformers[i].Transform(current);
        }
        return new TransformerChain<TLastTransformer>(transformers, _scopes);
    }

    /// <summary>The shape after every estimator in turn.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return _estimators.Aggregate(inputSchema, (shape, estimator) => estimator.GetOutputSchema(shape));
    }

    /// <summary>A new chain with <paramref name="estimator"/> appended; this chain is unchanged.</summary>
    public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator, TransformerScope scope = TransformerScope.Everything)
        where TNewTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTrans>(_estimators.Append(estimator).ToArray(), _scopes.Append(scope).ToArray());
    }
}
