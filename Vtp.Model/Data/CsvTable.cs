namespace Vtp.Data;

/// <summary>A CSV file read as a header plus rows, with columns looked up by name (case-insensitive).</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string filePath, CsvRecord header, List<CsvRecord> rows)
    {
        FilePath = filePath;
        Header = header.Fields;
        HeaderLine = header.LineNumber;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            _columns.TryAdd(header.Fields[i].Trim(), i);
        }

        foreach (var row in rows.Where(r => r.Fields.Length != header.Fields.Length))
        {
            throw new DatasetFormatException(
                filePath, row.LineNumber,
                $"expected {header.Fields.Length} fields as in the header, got {row.Fields.Length}");
        }
    }

    public string FilePath { get; }

    public string[] Header { get; }

    public int HeaderLine { get; }

    public List<CsvRecord> Rows { get; }

    /// <summary>Reads and parses <paramref name="path"/>; an empty file is an error.</summary>
    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var records = CsvParser.Parse(reader, path).ToList();
        if (records.Count == 0)
        {
            throw new DatasetFormatException(path, 0, "the file is empty; expected a header row");
        }

        return new CsvTable(path, records[0], records.GetRange(1, records.Count - 1));
    }

    /// <summary>The first record of <paramref name="path"/> (empty when the file is), without parsing the rest.</summary>
    public static string[] ReadHeader(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return CsvParser.Parse(reader, path).FirstOrDefault()?.Fields ?? [];
    }

    /// <summary>The index of a column that must exist.</summary>
    public int Require(string column) =>
        _columns.TryGetValue(column, out var index)
            ? index
            : throw new DatasetFormatException(
                FilePath, HeaderLine, $"the header has no '{column}' column (found: {string.Join(", ", Header)})");

    /// <summary>The index of an optional column, or -1.</summary>
    public int Optional(string column) => _columns.GetValueOrDefault(column, -1);
}
