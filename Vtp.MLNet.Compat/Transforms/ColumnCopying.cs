#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Copies columns under new names; created by <c>mlContext.Transforms.CopyColumns</c>.</summary>
public sealed class ColumnCopyingEstimator : TrivialEstimator<ColumnCopyingTransformer>
{
    internal ColumnCopyingEstimator(params (string outputColumnName, string inputColumnName)[] columns)
        : base(new ColumnCopyingTransformer(columns))
    {
    }

    /// <summary>The input shape plus one copy per pair, with the source column's kind, type and annotations.</summary>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = inputSchema.ToDictionary(c => c.Name);
        foreach (var (outputName, inputName) in Transformer.Columns)
        {
            if (!result.TryGetValue(inputName, out var source))
                throw Errors.SchemaMismatch(nameof(inputSchema), "input", inputName);
            result[outputName] = new SchemaShape.Column(outputName, source.Kind, source.ItemType, source.IsKey, source.Annotations);
        }
        return new SchemaShape(result.Values);
    }
}

/// <summary>Appends a copy of each source column (same type and annotations) under its new name.</summary>
public sealed class ColumnCopyingTransformer : OneToOneTransformerBase
{
    internal ColumnCopyingTransformer((string outputColumnName, string inputColumnName)[] columns)
        : base(columns)
    {
    }

    internal IReadOnlyList<(string outputColumnName, string inputColumnName)> Columns => ColumnPairs;

    private protected override ColumnMapper MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    private sealed class Mapper : ColumnMapper
    {
        private readonly int[] _sources;

        public Mapper(ColumnCopyingTransformer parent, DataViewSchema inputSchema)
            : base(inputSchema)
        {
            var sources = parent.ColumnPairs.Select(pair => FindInput(inputSchema, pair.inputColumnName)).ToArray();
            _sources = sources.Select(c => c.Index).ToArray();
            AddedColumns = parent.ColumnPairs
                .Select((pair, i) => new DataViewSchema.DetachedColumn(pair.outputColumnName, sources[i].Type, sources[i].Annotations))
                .ToArray();
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> AddedColumns { get; }

        public override bool[] GetDependencies(bool[] activeAdded)
        {
            var needed = new bool[InputSchema.Count];
            for (int i = 0; i < _sources.Length; i++)
                needed[_sources[i]] |= activeAdded[i];
            return needed;
        }

        // A copy reads through the source column's own getter, so it has the source's raw type.
        public override Delegate[] CreateGetters(DataViewRow input, bool[] activeAdded)
            => _sources.Select((source, i) => activeAdded[i] ? SourceGetter(input, input.Schema[source]) : null).ToArray();

        private static Delegate SourceGetter(DataViewRow input, DataViewSchema.Column column)
        {
            var method = typeof(DataViewRow).GetMethod(nameof(DataViewRow.GetGetter)).MakeGenericMethod(column.Type.RawType);
            return (Delegate)method.Invoke(input, new object[] { column });
        }
    }
}
