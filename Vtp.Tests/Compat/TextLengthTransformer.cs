using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// A third-party component written only against ML.NET's public API, as Vtp's own components are: the estimator
// promises a float column "Length" (characters of "Text"), the transformer appends it lazily through its own
// IDataView, cursor and IRowToRowMapper.
public sealed class TextLengthEstimator : IEstimator<TextLengthTransformer>
{
    public TextLengthTransformer Fit(IDataView input)
    {
        CheckInput(input.Schema.GetColumnOrNull("Text")?.Type);
        return new TextLengthTransformer();
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var text = inputSchema.FirstOrDefault(c => c.Name == "Text");
        CheckInput(text.Name == null ? null : text.ItemType);
        return new SchemaShape(inputSchema.Where(c => c.Name != "Length")
            .Append(SchemaShapeFactory.Column("Length", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single)));
    }

    internal static void CheckInput(DataViewType? textType)
    {
        if (textType is not TextDataViewType)
            throw new ArgumentOutOfRangeException("inputSchema", $"Schema mismatch for input column 'Text': expected String, got {textType?.ToString() ?? "nothing"}");
    }
}

public sealed class TextLengthTransformer : ITransformer
{
    public bool IsRowToRowMapper => true;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        TextLengthEstimator.CheckInput(inputSchema.GetColumnOrNull("Text")?.Type);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumn("Length", NumberDataViewType.Single);
        return builder.ToSchema();
    }

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new Mapper(inputSchema, GetOutputSchema(inputSchema));

    public IDataView Transform(IDataView input) => new View(input, (Mapper)GetRowToRowMapper(input.Schema));

    public void Save(ModelSaveContext ctx) => throw new NotSupportedException("Use the component's own save method.");

    private sealed class Mapper(DataViewSchema inputSchema, DataViewSchema outputSchema) : IRowToRowMapper
    {
        public DataViewSchema InputSchema { get; } = inputSchema;
        public DataViewSchema OutputSchema { get; } = outputSchema;
        private int LengthIndex => OutputSchema.Count - 1;

        public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
        {
            var needed = dependingColumns.Where(c => c.Index < InputSchema.Count).Select(c => InputSchema[c.Index]).ToList();
            if (dependingColumns.Any(c => c.Index == LengthIndex))
                needed.Add(InputSchema["Text"]);
            return needed.Distinct();
        }

        public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
            => new Row(this, input, activeColumns.Select(c => c.Index).ToHashSet());
    }

    private sealed class View(IDataView input, Mapper mapper) : IDataView
    {
        public bool CanShuffle => input.CanShuffle;
        public DataViewSchema Schema => mapper.OutputSchema;
        public long? GetRowCount() => input.GetRowCount();

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        {
            var inputCursor = input.GetRowCursor(mapper.GetDependencies(columnsNeeded), rand);
            return new Cursor(new Row(mapper, inputCursor, columnsNeeded.Select(c => c.Index).ToHashSet()), inputCursor);
        }

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
            => new[] { GetRowCursor(columnsNeeded, rand) };
    }

    private sealed class Row(Mapper mapper, DataViewRow input, HashSet<int> active) : DataViewRow
    {
        public override DataViewSchema Schema => mapper.OutputSchema;
        public override long Position => input.Position;
        public override long Batch => input.Batch;
        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();
        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
                throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' is not active.");
            if (column.Index < input.Schema.Count)
                return input.GetGetter<TValue>(input.Schema[column.Index]);
            var text = input.GetGetter<ReadOnlyMemory<char>>(input.Schema["Text"]);
            ReadOnlyMemory<char> buffer = default;
            ValueGetter<float> length = (ref float value) =>
            {
                text(ref buffer);
                value = buffer.Length;
            };
            return length as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column 'Length' is read as float, not {typeof(TValue)}.");
        }
    }

    private sealed class Cursor(Row row, DataViewRowCursor input) : DataViewRowCursor
    {
        public override DataViewSchema Schema => row.Schema;
        public override long Position => input.Position;
        public override long Batch => input.Batch;
        public override bool MoveNext() => input.MoveNext();
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => row.GetGetter<TValue>(column);
        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();
        public override bool IsColumnActive(DataViewSchema.Column column) => row.IsColumnActive(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                input.Dispose();
            base.Dispose(disposing);
        }
    }
}
