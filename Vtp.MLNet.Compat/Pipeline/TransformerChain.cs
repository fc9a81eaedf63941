#nullable disable
using System.Collections;

namespace Microsoft.ML.Data;

/// <summary>Transformers applied in sequence; the result of fitting an <see cref="EstimatorChain{TLastTransformer}"/>.</summary>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>, IDisposable
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;
    private readonly TransformerScope[] _scopes;
    private bool _disposed;

    /// <summary>The last transformer, or null for an empty chain.</summary>
    public readonly TLastTransformer LastTransformer;

    /// <summary>A chain of <paramref name="transformers"/>, each with the matching scope.</summary>
    public TransformerChain(IEnumerable<ITransformer> transformers, IEnumerable<TransformerScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        ArgumentNullException.ThrowIfNull(scopes);
        _transformers = transformers.ToArray();
        _scopes = scopes.ToArray();
        if (_transformers.Length != _scopes.Length)
            throw new InvalidOperationException($"Got {_transformers.Length} transformers but {_scopes.Length} scopes.");
        LastTransformer = _transformers.LastOrDefault() as TLastTransformer;
        if (_transformers.Length > 0 && LastTransformer == null)
            throw new InvalidOperationException(
                $"The last transformer is a {_transformers[^1].GetType().Name}, not a {typeof(TLastTransformer).Name}.");
    }

    /// <summary>A chain of <paramref name="transformers"/>, all in scope <see cref="TransformerScope.Everything"/>.</summary>
    public TransformerChain(params ITransformer[] transformers)
        : this(transformers ?? Array.Empty<ITransformer>(), (transformers ?? Array.Empty<ITransformer>()).Select(_ => TransformerScope.Everything))
    {
    }

    /// <summary>The schema after every transformer in turn.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => GetOutputSchema(inputSchema, TransformerScope.Everything);

    /// <summary>The schema after every transformer whose scope overlaps <paramref name="scope"/>.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema, TransformerScope scope)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return InScope(scope).Aggregate(inputSchema, (schema, transformer) => transformer.GetOutputSchema(schema));
    }

    /// <summary>Checks the schema through the chain, then lazily applies every transformer.</summary>
    public IDataView Transform(IDataView input) => Transform(input, TransformerScope.Everything);

    /// <summary>Lazily applies the transformers whose scope overlaps <paramref name="scope"/>.</summary>
    public IDataView Transform(IDataView input, TransformerScope scope)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema, scope);
        return InScope(scope).Aggregate(input, (data, transformer) => transformer.Transform(data));
    }

    /// <summary>The sub-chain of transformers whose scope overlaps <paramref name="scopeFilter"/>.</summary>
    public TransformerChain<ITransformer> GetModelFor(TransformerScope scopeFilter)
    {
        var kept = Enumerable.Range(0, _transformers.Length).Where(i => (_scopes[i] & scopeFilter) != 0).ToArray();
        return new TransformerChain<ITransformer>(kept.Select(i => _transformers[i]), kept.Select(i => _scopes[i]));
    }

    /// <summary>A new chain with <paramref name="transformer"/> appended; this chain is unchanged.</summary>
    public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer, TransformerScope scope = TransformerScope.Everything)
        where TNewLast : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TNewLast>(_transformers.Append(transformer), _scopes.Append(scope));
    }

    /// <inheritdoc/>
    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Disposes every transformer that is disposable.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var transformer in _transformers)
            (transformer as IDisposable)?.Dispose();
    }

    bool ITransformer.IsRowToRowMapper => _transformers.All(t => t.IsRowToRowMapper);

    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        if (!((ITransformer)this).IsRowToRowMapper)
            throw new InvalidOperationException("GetRowToRowMapper requires all transformers to be row-to-row mappers.");
        var mappers = new IRowToRowMapper[_transformers.Length];
        DataViewSchema schema = inputSchema;
        for (int i = 0; i < mappers.Length; i++)
        {
            mappers[i] = _transformers[i].GetRowToRowMapper(schema);
            schema = mappers[i].OutputSchema;
        }
        return new ChainedRowToRowMapper(inputSchema, mappers);
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw Errors.ModelFilesNotSupported(this);

    private IEnumerable<ITransformer> InScope(TransformerScope scope)
        => _transformers.Where((_, i) => (_scopes[i] & scope) != 0);
}
