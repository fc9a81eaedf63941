using System.Text;

namespace Vtp.Samples.Embeddings;

/// <summary>Reads RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks), with their first line number.</summary>
internal sealed class CsvRecordReader(TextReader reader, string path)
{
    private int line = 1;

    /// <summary>The next record and the line it starts on, or null at the end.</summary>
    /// <exception cref="InvalidDataException">A quoted field is not closed.</exception>
    public (int Line, List<string> Fields)? Next()
    {
        if (reader.Peek() < 0) return null;
        var start = line;
        var (fields, field, quoted) = (new List<string>(), new StringBuilder(), false);
        while (true)
        {
            var c = reader.Read();
            if (quoted)
            {
                if (c < 0) throw new InvalidDataException($"'{path}', line {start}: a quoted field is not closed before the end of the file.");
                if (c == '"' && reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append((char)c); }
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or < 0)
            {
                line++;
                fields.Add(field.ToString().TrimEnd('\r'));
                return (start, fields);
            }
            else field.Append((char)c);
        }
    }
}
