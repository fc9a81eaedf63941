#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Checks the input shape for <see cref="CustomMappingTransformer{TSrc, TDst}"/>; created by <c>CustomMapping</c>.</summary>
public sealed class CustomMappingEstimator<TSrc, TDst> : TrivialEstimator<CustomMappingTransformer<TSrc, TDst>>
    where TSrc : class, new()
    where TDst : class, new()
{
    internal CustomMappingEstimator(Action<TSrc, TDst> mapAction, SchemaDefinition inputSchemaDefinition,
        SchemaDefinition outputSchemaDefinition)
        : base(new CustomMappingTransformer<TSrc, TDst>(mapAction, inputSchemaDefinition, outputSchemaDefinition))
    {
    }

    /// <summary>
    /// The input shape plus the <typeparamref name="TDst"/> columns. Every <typeparamref name="TSrc"/> column must be present
    /// with its item type and kind (a fixed-size vector also satisfies a variable-size one).
    /// </summary>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = inputSchema.ToDictionary(c => c.Name);
        foreach (var member in Transformer.InputColumns)
        {
            if (!result.TryGetValue(member.ColumnName, out var actual))
                throw Errors.SchemaMismatch(nameof(inputSchema), "input", member.ColumnName);
            var expected = SchemaShape.FromType(member.ColumnName, member.ColumnType, null);
            bool kindFits = expected.Kind == actual.Kind
                || (expected.Kind == SchemaShape.Column.VectorKind.VariableVector && actual.Kind == SchemaShape.Column.VectorKind.Vector);
            if (!expected.ItemType.Equals(actual.ItemType) || expected.IsKey != actual.IsKey || !kindFits)
                throw Errors.SchemaMismatch(nameof(inputSchema), "input", member.ColumnName, member.ColumnType.ToString(), actual.GetTypeString());
        }
        foreach (var added in SchemaShape.Create(PocoColumn.ToSchema(Transformer.OutputColumns)))
            result[added.Name] = added;
        return new SchemaShape(result.Values);
    }
}

/// <summary>
/// Appends the members of <typeparamref name="TDst"/> as columns, computed per row by a user action from a
/// <typeparamref name="TSrc"/> filled with the input columns. The same two objects are reused for every row, so the
/// action must set every output member.
/// </summary>
public sealed class CustomMappingTransformer<TSrc, TDst> : ITransformer
    where TSrc : class, new()
    where TDst : class, new()
{
    private readonly Action<TSrc, TDst> _mapAction;

    // The contract name only matters to ML.NET model files, which this layer does not write.
    internal CustomMappingTransformer(Action<TSrc, TDst> mapAction, SchemaDefinition inputSchemaDefinition,
        SchemaDefinition outputSchemaDefinition)
    {
        _mapAction = mapAction ?? throw new ArgumentNullException(nameof(mapAction));
        InputColumns = PocoColumn.Resolve(typeof(TSrc),
            inputSchemaDefinition ?? SchemaDefinition.Create(typeof(TSrc), SchemaDefinition.Direction.Write));
        OutputColumns = PocoColumn.Resolve(typeof(TDst),
            outputSchemaDefinition ?? SchemaDefinition.Create(typeof(TDst), SchemaDefinition.Direction.Read));
    }

    internal PocoColumn[] InputColumns { get; }

    internal PocoColumn[] OutputColumns { get; }

    /// <summary>The input schema followed by the <typeparamref name="TDst"/> columns.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => new Mapper(this, inputSchema).OutputSchema;

    /// <summary>Lazily applies the mapping; the action runs once per row when an output column is read.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, new Mapper(this, input.Schema));
    }

    bool ITransformer.IsRowToRowMapper => true;

    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) => new MapperRowToRowMapper(new Mapper(this, inputSchema));

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw Errors.ModelFilesNotSupported(this);

    private sealed class Mapper : ColumnMapper
    {
        private readonly CustomMappingTransformer<TSrc, TDst> _parent;
        private readonly PocoFiller<TSrc> _source;

        public Mapper(CustomMappingTransformer<TSrc, TDst> parent, DataViewSchema inputSchema)
            : base(inputSchema)
        {
            _parent = parent;
            _source = new PocoFiller<TSrc>(inputSchema, parent.InputColumns, ignoreMissingColumns: false);
            AddedColumns = parent.OutputColumns
                .Select(c => new DataViewSchema.DetachedColumn(c.ColumnName, c.ColumnType, c.Annotations)).ToArray();
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> AddedColumns { get; }

        public override bool[] GetDependencies(bool[] activeAdded)
        {
            var needed = new bool[InputSchema.Count];
            foreach (int index in _source.ColumnIndices)
                needed[index] = true;
            return needed;
        }

        // The action runs at most once per input row: getters share the output object of the current position.
        public override Delegate[] CreateGetters(DataViewRow input, bool[] activeAdded)
        {
            if (!activeAdded.Any(a => a))
                return new Delegate[activeAdded.Length];
            var fill = _source.CreateFill(input);
            var source = new TSrc();
            var destination = new TDst();
            long mappedPosition = -1;
            TDst Current()
            {
                if (input.Position != mappedPosition)
                {
                    fill(source);
                    _parent._mapAction(source, destination);
                    mappedPosition = input.Position;
                }
                return destination;
            }
            return PocoGetters<TDst>.Create(_parent.OutputColumns, activeAdded, Current);
        }
    }
}
