#nullable disable
using System.Collections;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// The ordered columns of an <see cref="IDataView"/> or <see cref="DataViewRow"/>. When several columns share a name,
/// the last one is reachable by name and the earlier ones are hidden (reachable only by index).
/// </summary>
public sealed partial class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _nameMap;

    private DataViewSchema(Column[] columns)
    {
        _columns = columns;
        _nameMap = new Dictionary<string, int>();
        for (int i = 0; i < columns.Length; i++)
            _nameMap[columns[i].Name] = i;
    }

    /// <summary>The number of columns, hidden ones included.</summary>
    public int Count => _columns.Length;

    /// <summary>The visible column named <paramref name="name"/>; throws when there is none.</summary>
    public Column this[string name]
    {
        get
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentNullException(nameof(name));
            if (!_nameMap.TryGetValue(name, out int index))
                throw new ArgumentOutOfRangeException(nameof(name), $"Column '{name}' not found");
            return _columns[index];
        }
    }

    /// <summary>The column at <paramref name="columnIndex"/>.</summary>
    public Column this[int columnIndex]
    {
        get
        {
            if (columnIndex < 0 || columnIndex >= _columns.Length)
                throw new ArgumentOutOfRangeException(nameof(columnIndex),
                    $"Column index must be between 0 and {_columns.Length - 1}, got {columnIndex}.");
            return _columns[columnIndex];
        }
    }

    /// <summary>The visible column named <paramref name="name"/>, or null.</summary>
    public Column? GetColumnOrNull(string name)
    {
        if (string.IsNullOrEmpty(name))
            throw new ArgumentNullException(nameof(name));
        return _nameMap.TryGetValue(name, out int index) ? _columns[index] : null;
    }

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>For example "3 columns".</summary>
    public override string ToString() => $"{Count} columns";

    /// <summary>One column of a schema.</summary>
    public struct Column
    {
        internal Column(string name, int index, bool isHidden, DataViewType type, Annotations annotations)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentNullException(nameof(name));
            Name = name;
            Index = index;
            IsHidden = isHidden;
            Type = type ?? throw new ArgumentNullException(nameof(type));
            Annotations = annotations ?? Annotations.Empty;
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The position in the schema.</summary>
        public int Index { get; }

        /// <summary>Whether a later column with the same name hides this one.</summary>
        public bool IsHidden { get; }

        /// <summary>The column type.</summary>
        public DataViewType Type { get; }

        /// <summary>The column's annotations (metadata such as slot names).</summary>
        public Annotations Annotations { get; }

        /// <summary>For example "Features: Vector&lt;Single, 3&gt;", followed by annotation names in braces.</summary>
        public override string ToString()
        {
            string annotations = Annotations == null || Annotations.Schema.Count == 0
                ? null
                : $" {{{string.Join(", ", Annotations.Schema.Select(a => a.Name))}}}";
            return $"{Name}: {Type}{annotations}";
        }
    }

    /// <summary>A column description not attached to any schema.</summary>
    public struct DetachedColumn
    {
        /// <summary>Describes a column by name, type and annotations.</summary>
        public DetachedColumn(string name, DataViewType type, Annotations annotations = null)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentNullException(nameof(name));
            Name = name;
            Type = type ?? throw new ArgumentNullException(nameof(type));
            Annotations = annotations ?? Annotations.Empty;
        }

        /// <summary>Copies the description of <paramref name="column"/>.</summary>
        public DetachedColumn(Column column)
        {
            Name = column.Name;
            Type = column.Type;
            Annotations = column.Annotations;
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The column type.</summary>
        public DataViewType Type { get; }

        /// <summary>The column annotations.</summary>
        public Annotations Annotations { get; }
    }

    /// <summary>Builds a <see cref="DataViewSchema"/> column by column.</summary>
    public sealed class Builder
    {
        private readonly List<(string Name, DataViewType Type, Annotations Annotations)> _items = new();

        /// <summary>Adds a column.</summary>
        public void AddColumn(string name, DataViewType type, Annotations annotations = null)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentNullException(nameof(name));
            _items.Add((name, type ?? throw new ArgumentNullException(nameof(type)), annotations));
        }

        /// <summary>Adds copies of existing columns, hidden ones included.</summary>
        public void AddColumns(IEnumerable<Column> source)
        {
            foreach (var column in source)
                AddColumn(column.Name, column.Type, column.Annotations);
        }

        /// <summary>Adds detached columns.</summary>
        public void AddColumns(IEnumerable<DetachedColumn> source)
        {
            foreach (var column in source)
                AddColumn(column.Name, column.Type, column.Annotations);
        }

        /// <summary>The schema of the columns added so far.</summary>
        public DataViewSchema ToSchema()
        {
            var lastIndex = new Dictionary<string, int>();
            for (int i = 0; i < _items.Count; i++)
                lastIndex[_items[i].Name] = i;
            var columns = new Column[_items.Count];
            for (int i = 0; i < columns.Length; i++)
                columns[i] = new Column(_items[i].Name, i, lastIndex[_items[i].Name] != i, _items[i].Type, _items[i].Annotations);
            return new DataViewSchema(columns);
        }
    }
}
