using System.Text;

namespace Vtp.Data;

/// <summary>
/// RFC 4180 CSV: comma-separated fields, fields in double quotes may hold commas, line breaks and doubled quotes
/// (<c>""</c>). Lines end with CRLF, LF or CR. Blank lines are skipped. A quote inside an unquoted field, text after a
/// closing quote or an unclosed quote is an error naming the line.
/// </summary>
internal static class CsvParser
{
    /// <summary>Parses all records of <paramref name="reader"/>; <paramref name="filePath"/> only names the file in errors.</summary>
    public static IEnumerable<CsvRecord> Parse(TextReader reader, string filePath)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        var quoted = false;      // inside a quoted field
        var wasQuoted = false;   // the current field was quoted and its closing quote seen
        var wasQuotedRecord = false; // the record has a quoted field (so `""` alone is a record, not a blank line)
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        wasQuoted = true;
                    }
                }
                else
                {
                    line += ch == '\n' || (ch == '\r' && reader.Peek() != '\n') ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    EndField();
                    if (fields.Count > 1 || fields[0].Length > 0 || wasQuotedRecord)
                    {
                        yield return new CsvRecord(recordLine, [.. fields]);
                    }

                    fields.Clear();
                    wasQuotedRecord = false;
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuotedRecord = true;
                    break;
                case '"':
                    throw new DatasetFormatException(filePath, line, "a double quote inside an unquoted field; quote the field and double the quote (\"\")");
                default:
                    if (wasQuoted)
                    {
                        throw new DatasetFormatException(filePath, line, $"unexpected '{ch}' after a closing quote; expected a comma or the end of the line");
                    }

                    field.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            throw new DatasetFormatException(filePath, recordLine, "a quoted field is not closed before the end of the file");
        }

        EndField();
        if (fields.Count > 1 || fields[0].Length > 0 || wasQuotedRecord)
        {
            yield return new CsvRecord(recordLine, [.. fields]);
        }

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;
        }
    }
}
