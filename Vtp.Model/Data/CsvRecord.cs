namespace Vtp.Data;

/// <summary>One CSV record and the line it starts on.</summary>
/// <param name="LineNumber">1-based line where the record starts (records may span lines inside quotes).</param>
/// <param name="Fields">The unquoted field values.</param>
internal sealed record CsvRecord(int LineNumber, string[] Fields);
