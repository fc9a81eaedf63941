#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class DataViewSchema
{
    /// <summary>
    /// The annotations (metadata) of one column: a one-row set of named values with their own schema, for example
    /// slot names of a vector or key values of a key column.
    /// </summary>
    public sealed class Annotations
    {
        private readonly Delegate[] _getters;

        internal Annotations(DataViewSchema schema, Delegate[] getters)
        {
            for (int i = 0; i < schema.Count; i++)
            {
                Type expected = typeof(ValueGetter<>).MakeGenericType(schema[i].Type.RawType);
                if (getters[i] == null || !expected.IsInstanceOfType(getters[i]))
                    throw new ArgumentException(
                        $"Annotation '{schema[i].Name}' needs a getter of type '{expected}', got '{getters[i]?.GetType()}'.", nameof(getters));
            }
            Schema = schema;
            _getters = getters;
        }

        /// <summary>The schema of the annotation values (one column per annotation kind).</summary>
        public DataViewSchema Schema { get; }

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new(new DataViewSchema(Array.Empty<Column>()), Array.Empty<Delegate>());

        /// <summary>The getter of the annotation in <paramref name="column"/> of <see cref="Schema"/>.</summary>
        public ValueGetter<TValue> GetGetter<TValue>(Column column)
        {
            if (column.Index < 0 || column.Index >= _getters.Length)
                throw new ArgumentException($"Annotation column index {column.Index} is out of range 0..{_getters.Length - 1}.", nameof(column));
            return _getters[column.Index] as ValueGetter<TValue>
                ?? throw new InvalidOperationException(
                    $"Invalid call to '{nameof(GetGetter)}': annotation '{column.Name}' holds '{column.Type.RawType}', not '{typeof(TValue)}'.");
        }

        /// <summary>Reads the annotation of kind <paramref name="kind"/> into <paramref name="value"/>.</summary>
        public void GetValue<TValue>(string kind, ref TValue value)
        {
            Column column = Schema.GetColumnOrNull(kind)
                ?? throw new InvalidOperationException($"Invalid call to '{nameof(GetValue)}': there is no annotation '{kind}'.");
            GetGetter<TValue>(column)(ref value);
        }

        /// <summary>The annotation names, comma separated.</summary>
        public override string ToString() => string.Join(", ", Schema.Select(c => c.Name));

        internal Delegate GetGetterDelegate(int index) => _getters[index];

        /// <summary>Builds an <see cref="Annotations"/> set one value at a time.</summary>
        public sealed class Builder
        {
            private readonly List<(string Name, DataViewType Type, Delegate Getter, Annotations Annotations)> _items = new();

            /// <summary>Adds the annotations of <paramref name="annotations"/> whose names pass <paramref name="selector"/>.</summary>
            public void Add(Annotations annotations, Func<string, bool> selector)
            {
                if (annotations == null)
                    return;
                ArgumentNullException.ThrowIfNull(selector);
                foreach (var column in annotations.Schema)
                {
                    if (selector(column.Name))
                        _items.Add((column.Name, column.Type, annotations.GetGetterDelegate(column.Index), column.Annotations));
                }
            }

            /// <summary>Adds one annotation read through <paramref name="getter"/>.</summary>
            public void Add<TValue>(string name, DataViewType type, ValueGetter<TValue> getter, Annotations annotations = null)
            {
                CheckNameAndType(name, type, typeof(TValue));
                _items.Add((name, type, getter ?? throw new ArgumentNullException(nameof(getter)), annotations));
            }

            /// <summary>Adds one annotation; <paramref name="getter"/> must be a <see cref="ValueGetter{TValue}"/> of the type's raw type.</summary>
            public void Add(string name, DataViewType type, Delegate getter, Annotations annotations = null)
            {
                CheckNameAndType(name, type, null);
                ArgumentNullException.ThrowIfNull(getter);
                Type expected = typeof(ValueGetter<>).MakeGenericType(type.RawType);
                if (!expected.IsInstanceOfType(getter))
                    throw new ArgumentException($"{nameof(getter)} must be of type '{expected.FullName}', got '{getter.GetType()}'.", nameof(getter));
                _items.Add((name, type, getter, annotations));
            }

            /// <summary>Adds one constant annotation.</summary>
            public void AddPrimitiveValue<TValue>(string name, PrimitiveDataViewType type, TValue value, Annotations annotations = null)
            {
                CheckNameAndType(name, type, typeof(TValue));
                Add(name, type, (ref TValue destination) => destination = value, annotations);
            }

            /// <summary>The annotations added so far.</summary>
            public Annotations ToAnnotations()
            {
                var builder = new DataViewSchema.Builder();
                foreach (var item in _items)
                    builder.AddColumn(item.Name, item.Type, item.Annotations);
                return new Annotations(builder.ToSchema(), _items.Select(i => i.Getter).ToArray());
            }

            private static void CheckNameAndType(string name, DataViewType type, Type valueType)
            {
                if (string.IsNullOrEmpty(name))
                    throw new ArgumentNullException(nameof(name));
                ArgumentNullException.ThrowIfNull(type);
                if (valueType != null && type.RawType != valueType)
                    throw new ArgumentException($"{nameof(type)}.{nameof(type.RawType)} must be of type '{valueType.FullName}', got '{type.RawType}'.", nameof(type));
            }
        }
    }
}
