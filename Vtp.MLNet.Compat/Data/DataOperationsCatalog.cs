#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Loading data from objects, reading it back, splitting, shuffling and slicing; <c>mlContext.Data</c>.</summary>
public sealed class DataOperationsCatalog
{
    internal DataOperationsCatalog(MLContext context)
    {
        Context = context;
    }

    internal MLContext Context { get; }

    /// <summary>
    /// A lazy view over <paramref name="data"/>: every cursor enumerates it again. Public fields and properties become
    /// columns (string as text, arrays as vectors), honouring <see cref="ColumnNameAttribute"/>,
    /// <see cref="VectorTypeAttribute"/> and <see cref="NoColumnAttribute"/>, or <paramref name="schemaDefinition"/>.
    /// </summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, SchemaDefinition schemaDefinition = null)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        var definition = schemaDefinition ?? SchemaDefinition.Create(typeof(TRow), SchemaDefinition.Direction.Read);
        return new EnumerableDataView<TRow>(data, PocoColumn.Resolve(typeof(TRow), definition));
    }

    /// <summary>As the other overload, taking the annotations of each column from <paramref name="schema"/>.</summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, DataViewSchema schema)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        var definition = SchemaDefinition.Create(typeof(TRow), SchemaDefinition.Direction.Read);
        foreach (var column in schema ?? new DataViewSchema.Builder().ToSchema())
        {
            var member = definition.FirstOrDefault(c => c.ColumnName == column.Name)
                ?? throw new InvalidOperationException($"Type should contain a member named {column.Name}");
            foreach (var annotation in column.Annotations.Schema)
                CopyAnnotation(member, column.Annotations, annotation);
        }
        return LoadFromEnumerable(data, definition);
    }

    private static void CopyAnnotation(SchemaDefinition.Column member, DataViewSchema.Annotations source, DataViewSchema.Column annotation)
    {
        var method = typeof(DataOperationsCatalog).GetMethod(nameof(CopyTypedAnnotation),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        method.MakeGenericMethod(annotation.Type.RawType).Invoke(null, new object[] { member, source, annotation });
    }

    private static void CopyTypedAnnotation<T>(SchemaDefinition.Column member, DataViewSchema.Annotations source, DataViewSchema.Column annotation)
    {
        T value = default;
        source.GetGetter<T>(annotation)(ref value);
        member.AddAnnotation(annotation.Name, value, annotation.Type);
    }

    /// <summary>
    /// Reads <paramref name="data"/> back as objects: text columns become strings and vectors become arrays. Columns
    /// are bound now (a missing or incompatible column throws here); rows are read lazily while enumerating.
    /// </summary>
    /// <param name="data">The data to read.</param>
    /// <param name="reuseRowObject">Whether to fill one object again for every row instead of creating new ones.</param>
    /// <param name="ignoreMissingColumns">Whether members without a matching column are left alone instead of throwing.</param>
    /// <param name="schemaDefinition">An optional mapping of members to columns.</param>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false,
        SchemaDefinition schemaDefinition = null)
        where TRow : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        var definition = schemaDefinition ?? SchemaDefinition.Create(typeof(TRow), SchemaDefinition.Direction.Write);
        var filler = new PocoFiller<TRow>(data.Schema, PocoColumn.Resolve(typeof(TRow), definition), ignoreMissingColumns);
        return Enumerate(data, filler, reuseRowObject);
    }

    private static IEnumerable<TRow> Enumerate<TRow>(IDataView data, PocoFiller<TRow> filler, bool reuseRowObject)
        where TRow : class, new()
    {
        using var cursor = data.GetRowCursor(filler.ColumnIndices.Select(i => data.Schema[i]));
        var fill = filler.CreateFill(cursor);
        TRow row = null;
        while (cursor.MoveNext())
        {
            if (!reuseRowObject || row == null)
                row = new TRow();
            fill(row);
            yield return row;
        }
    }

    /// <summary>
    /// Splits <paramref name="data"/> lazily: each row goes to the test set with probability <paramref name="testFraction"/>,
    /// repeatably for a given seed (derived from the context when null). Rows sharing a value of
    /// <paramref name="samplingKeyColumnName"/> land on the same side.
    /// </summary>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), $"Must be between 0 and 1 exclusive, got {testFraction}.");
        DataViewSchema.Column? key = null;
        if (samplingKeyColumnName != null)
        {
            key = data.Schema.GetColumnOrNull(samplingKeyColumnName)
                ?? throw Errors.SchemaMismatch(nameof(samplingKeyColumnName), "sampling key", samplingKeyColumnName);
            SplitSampler.CheckKeyColumn(key.Value);
        }
        int splitSeed = seed ?? Context.NextSeed();
        int[] keyColumns = key.HasValue ? new[] { key.Value.Index } : Array.Empty<int>();
        IDataView Side(bool test) => new FilteredDataView(data, keyColumns, row =>
        {
            var sample = SplitSampler.Create(row, key, splitSeed);
            return () => (sample() < testFraction) == test ? FilterDecision.Keep : FilterDecision.Skip;
        });
        return new TrainTestData(Side(test: false), Side(test: true));
    }

    /// <summary>
    /// Shuffles lazily with a pool of <paramref name="shufflePoolSize"/> rows (a full random permutation when the data
    /// fits); every cursor of the result returns the same order for a given seed (derived from the context when null).
    /// </summary>
    public IDataView ShuffleRows(IDataView input, int? seed = null, int shufflePoolSize = 1000, bool shuffleSource = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ShuffledDataView(input, seed ?? Context.NextSeed(), shufflePoolSize, shuffleSource);
    }

    /// <summary>The first <paramref name="count"/> rows of <paramref name="input"/>.</summary>
    public IDataView TakeRows(IDataView input, long count) => RowSlicing.Take(input, count);

    /// <summary>The rows of <paramref name="input"/> after the first <paramref name="count"/>.</summary>
    public IDataView SkipRows(IDataView input, long count) => RowSlicing.Skip(input, count);

    /// <summary>The two sides of <see cref="TrainTestSplit"/>.</summary>
    public struct TrainTestData
    {
        /// <summary>The training rows.</summary>
        public readonly IDataView TrainSet;

        /// <summary>The test rows.</summary>
        public readonly IDataView TestSet;

        internal TrainTestData(IDataView trainSet, IDataView testSet)
        {
            TrainSet = trainSet;
            TestSet = testSet;
        }
    }
}
