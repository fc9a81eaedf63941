#nullable disable
using System.Collections;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// A relaxed schema used by <see cref="IEstimator{TTransformer}.GetOutputSchema"/>: names, vector kinds and item types
/// of the visible columns, without exact vector sizes or key counts.
/// </summary>
public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private static readonly SchemaShape EmptyShape = new(Enumerable.Empty<Column>());
    private readonly Column[] _columns;

    /// <summary>Creates a shape from initialised columns.</summary>
    public SchemaShape(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
        if (_columns.Any(c => c.Name == null))
            throw new ArgumentOutOfRangeException(nameof(columns), "Some items are not initialized properly.");
    }

    /// <summary>The number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The shape of the visible columns of a full schema, annotations included (ML.NET's internal SchemaShape.Create).
    internal static SchemaShape Create(DataViewSchema schema)
    {
        var columns = new List<Column>();
        foreach (var column in schema.Where(c => !c.IsHidden))
        {
            var annotations = column.Annotations.Schema.Select(a => FromType(a.Name, a.Type, null)).ToList();
            columns.Add(FromType(column.Name, column.Type, annotations.Count > 0 ? new SchemaShape(annotations) : EmptyShape));
        }
        return new SchemaShape(columns);
    }

    // The shape column describing a column of the given full type.
    internal static Column FromType(string name, DataViewType type, SchemaShape annotations)
    {
        var kind = Column.VectorKind.Scalar;
        DataViewType itemType = type;
        if (type is VectorDataViewType vector)
        {
            kind = vector.IsKnownSize ? Column.VectorKind.Vector : Column.VectorKind.VariableVector;
            itemType = vector.ItemType;
        }
        bool isKey = itemType is KeyDataViewType;
        if (isKey)
            itemType = ColumnTypes.PrimitiveTypeFromRawType(itemType.RawType);
        return new Column(name, kind, itemType, isKey, annotations);
    }

    /// <summary>
    /// One column of a shape. Its constructor is internal, as in ML.NET; components outside ML.NET build it by
    /// reflection through the five-parameter constructor (name, vector kind, item type, is-key, annotations).
    /// </summary>
    public readonly struct Column
    {
        /// <summary>Whether a column is a scalar, a vector of known size, or a vector of variable size.</summary>
        public enum VectorKind
        {
            /// <summary>Not a vector.</summary>
            Scalar,
            /// <summary>A vector of known size.</summary>
            Vector,
            /// <summary>A vector whose size is unknown or varies.</summary>
            VariableVector,
        }

        /// <summary>The column name.</summary>
        public readonly string Name;

        /// <summary>Scalar, vector or variable vector.</summary>
        public readonly VectorKind Kind;

        /// <summary>The item type; for keys, the underlying unsigned number type.</summary>
        public readonly DataViewType ItemType;

        /// <summary>Whether the items are keys.</summary>
        public readonly bool IsKey;

        /// <summary>The shape of the column's annotations.</summary>
        public readonly SchemaShape Annotations;

        internal Column(string name, VectorKind vecKind, DataViewType itemType, bool isKey, SchemaShape annotations = null)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentNullException(nameof(name));
            if (itemType is KeyDataViewType)
                throw new ArgumentOutOfRangeException(nameof(itemType), "Item type cannot be a key");
            if (itemType is VectorDataViewType)
                throw new ArgumentOutOfRangeException(nameof(itemType), "Item type cannot be a vector");
            if (isKey && !KeyDataViewType.IsValidDataType(itemType.RawType))
                throw new ArgumentOutOfRangeException(nameof(itemType), "The item type must be valid for a key");
            if (vecKind != VectorKind.Scalar && itemType is not PrimitiveDataViewType)
                throw new ArgumentOutOfRangeException(nameof(itemType),
                    $"If {nameof(vecKind)} is not {nameof(VectorKind.Scalar)}, then the item type must be a {nameof(PrimitiveDataViewType)}");
            Name = name;
            Kind = vecKind;
            ItemType = itemType;
            IsKey = isKey;
            Annotations = annotations ?? EmptyShape;
        }

        // ML.NET's type string, used in schema-mismatch messages: e.g. "Vector<Single>" or "VarVector<Key<UInt32>>".
        internal string GetTypeString()
        {
            string result = IsKey ? $"Key<{ItemType}>" : ItemType.ToString();
            return Kind switch
            {
                VectorKind.Vector => $"Vector<{result}>",
                VectorKind.VariableVector => $"VarVector<{result}>",
                _ => result,
            };
        }
    }
}
