#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Runs a row-to-row transformer on one object at a time. Not thread-safe: use one engine per thread. Disposing the
/// engine releases its rows, not the transformer.
/// </summary>
public abstract class PredictionEngineBase<TSrc, TDst> : IDisposable
    where TSrc : class
    where TDst : class, new()
{
    private readonly ObjectRow<TSrc> _input;
    private readonly DataViewRow _output;
    private readonly Action<TDst> _fill;
    private bool _disposed;

    private protected PredictionEngineBase(ITransformer transformer, bool ignoreMissingColumns,
        SchemaDefinition inputSchemaDefinition, SchemaDefinition outputSchemaDefinition)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        if (!transformer.IsRowToRowMapper)
            throw new ArgumentOutOfRangeException(nameof(transformer), $"Must be a row to row mapper, and {transformer.GetType().Name} is not.");
        var inputDefinition = inputSchemaDefinition ?? SchemaDefinition.Create(typeof(TSrc), SchemaDefinition.Direction.Read);
        _input = new ObjectRow<TSrc>(PocoColumn.Resolve(typeof(TSrc), inputDefinition));
        var mapper = transformer.GetRowToRowMapper(_input.Schema);
        OutputSchema = mapper.OutputSchema;
        var outputDefinition = outputSchemaDefinition ?? SchemaDefinition.Create(typeof(TDst), SchemaDefinition.Direction.Write);
        var filler = new PocoFiller<TDst>(OutputSchema, PocoColumn.Resolve(typeof(TDst), outputDefinition), ignoreMissingColumns);
        _output = mapper.GetRow(_input, OutputSchema.Where(c => !c.IsHidden));
        _fill = filler.CreateFill(_output);
    }

    /// <summary>The schema of the transformer's output rows.</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>Releases the engine's rows.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _output.Dispose();
        _input.Dispose();
    }

    /// <summary>Transforms <paramref name="example"/> into a new <typeparamref name="TDst"/>.</summary>
    public TDst Predict(TSrc example)
    {
        TDst result = new();
        Predict(example, ref result);
        return result;
    }

    /// <summary>Transforms <paramref name="example"/> into <paramref name="prediction"/>, creating it when null.</summary>
    public abstract void Predict(TSrc example, ref TDst prediction);

    private protected void PredictCore(TSrc example, ref TDst prediction)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _input.SetObject(example);
        prediction ??= new TDst();
        _fill(prediction);
    }
}

/// <summary>A prediction engine; created by <c>mlContext.Model.CreatePredictionEngine</c>.</summary>
public sealed class PredictionEngine<TSrc, TDst> : PredictionEngineBase<TSrc, TDst>
    where TSrc : class
    where TDst : class, new()
{
    internal PredictionEngine(ITransformer transformer, bool ignoreMissingColumns,
        SchemaDefinition inputSchemaDefinition, SchemaDefinition outputSchemaDefinition)
        : base(transformer, ignoreMissingColumns, inputSchemaDefinition, outputSchemaDefinition)
    {
    }

    /// <inheritdoc/>
    public override void Predict(TSrc example, ref TDst prediction) => PredictCore(example, ref prediction);
}
