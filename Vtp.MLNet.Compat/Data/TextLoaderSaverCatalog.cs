#nullable disable
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Loading delimited text files, <c>mlContext.Data.LoadFromTextFile</c>.</summary>
public static class TextLoaderSaverCatalog
{
    /// <summary>
    /// A lazy view of the delimited text file at <paramref name="path"/>. Every public field and writable property of
    /// <typeparamref name="TInput"/> needs a <see cref="LoadColumnAttribute"/> naming its zero-based field(s); arrays read
    /// several fields into a vector of known size. Missing fields read as defaults (0 for numbers).
    /// </summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="path">The file to read.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line names the fields and is skipped.</param>
    /// <param name="allowQuoting">Whether double-quoted fields may contain separators ("" inside reads as one quote).</param>
    /// <param name="trimWhitespace">Whether trailing whitespace is removed from each line.</param>
    /// <param name="allowSparse">Sparse rows are not supported by this layer; must be false.</param>
    public static IDataView LoadFromTextFile<TInput>(this DataOperationsCatalog catalog, string path, char separatorChar = '\t',
        bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentNullException(nameof(path));
        if (!File.Exists(path))
            throw new ArgumentOutOfRangeException(nameof(path), $"File does not exist at path: {path}");
        if (allowSparse)
            throw new NotSupportedException("Sparse text rows (allowSparse: true) are not supported by the Vtp.MLNet.Compat text loader.");
        return new TextFileDataView(path, ColumnsOf(typeof(TInput)), separatorChar, hasHeader, allowQuoting, trimWhitespace,
            catalog.Context.Environment);
    }

    private static TextColumn[] ColumnsOf(Type inputType)
    {
        var fields = inputType.GetFields(BindingFlags.Public | BindingFlags.Instance).Cast<MemberInfo>();
        var properties = inputType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetGetMethod() != null && p.GetSetMethod() != null && p.GetIndexParameters().Length == 0);
        return fields.Concat(properties).Select(ColumnOf).ToArray();
    }

    private static TextColumn ColumnOf(MemberInfo member)
    {
        var load = member.GetCustomAttribute<LoadColumnAttribute>()
            ?? throw new InvalidOperationException($"Field or property {member.Name} is missing the {nameof(LoadColumnAttribute)} attribute");
        string name = member.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? member.Name;
        Type memberType = PocoMembers.TypeOf(member);
        Type itemType = memberType.IsArray ? memberType.GetElementType() : memberType;
        if (itemType == typeof(string))
            itemType = typeof(ReadOnlyMemory<char>);
        if (!TextColumn.CanParse(itemType))
            throw new InvalidOperationException($"Field or property {member.Name} is of unsupported type '{memberType}'.");
        var itemDataType = ColumnTypes.PrimitiveTypeFromRawType(itemType);
        if (memberType.IsArray)
            return new TextColumn(name, new VectorDataViewType(itemDataType, load.Indices.Length), load.Indices);
        if (load.Indices.Length != 1)
            throw new InvalidOperationException(
                $"Field or property {member.Name} is a scalar but its {nameof(LoadColumnAttribute)} maps {load.Indices.Length} fields; use an array.");
        return new TextColumn(name, itemDataType, load.Indices);
    }
}
