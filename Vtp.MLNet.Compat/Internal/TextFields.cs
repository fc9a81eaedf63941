#nullable disable
using System.Globalization;
using System.Numerics;

namespace Microsoft.ML;

// Splits a text-file line into fields and parses field values the way ML.NET's TextLoader does by default.
internal sealed class TextFields
{
    private readonly char _separator;
    private readonly bool _allowQuoting;
    private readonly List<ReadOnlyMemory<char>> _fields = new();

    public TextFields(char separator, bool allowQuoting)
    {
        _separator = separator;
        _allowQuoting = allowQuoting;
    }

    public int Count => _fields.Count;

    // The field at index, or empty when the line has fewer fields (missing values read as defaults).
    public ReadOnlyMemory<char> this[int index] => index < _fields.Count ? _fields[index] : ReadOnlyMemory<char>.Empty;

    // Splits line. With quoting, a field that starts with a double quote runs to the closing quote, may contain the
    // separator, and reads "" as one quote; text after the closing quote up to the separator is kept.
    public void Split(string line)
    {
        _fields.Clear();
        int start = 0;
        while (true)
        {
            if (_allowQuoting && start < line.Length && line[start] == '"')
                start = ReadQuoted(line, start);
            else
            {
                int end = line.IndexOf(_separator, start);
                _fields.Add(line.AsMemory(start, (end < 0 ? line.Length : end) - start));
                start = end;
            }
            if (start < 0 || start >= line.Length)
                return;
            start++;
        }
    }

    // Adds the quoted field starting at start; returns the index of the separator after it, or -1 at the line end.
    private int ReadQuoted(string line, int start)
    {
        var text = new System.Text.StringBuilder();
        int i = start + 1;
        while (i < line.Length)
        {
            if (line[i] != '"')
                text.Append(line[i++]);
            else if (i + 1 < line.Length && line[i + 1] == '"')
            {
                text.Append('"');
                i += 2;
            }
            else
            {
                i++;
                break;
            }
        }
        int end = line.IndexOf(_separator, i);
        text.Append(line, i, (end < 0 ? line.Length : end) - i);
        _fields.Add(text.ToString().AsMemory());
        return end;
    }

    // Text is the field itself.
    public static bool TryParseText(ReadOnlyMemory<char> field, out ReadOnlyMemory<char> value)
    {
        value = field;
        return true;
    }

    // Missing (empty or blank) reals read as 0, as with ML.NET's default MissingRealsAsNaNs = false; "?" and
    // unparsable text read as NaN.
    public static bool TryParseSingle(ReadOnlyMemory<char> field, out float value)
    {
        bool ok = TryParseDouble(field, out double wide);
        value = (float)wide;
        return ok;
    }

    public static bool TryParseDouble(ReadOnlyMemory<char> field, out double value)
    {
        ReadOnlySpan<char> text = field.Span.Trim();
        if (text.IsEmpty)
        {
            value = 0;
            return true;
        }
        if (text.SequenceEqual("?"))
        {
            value = double.NaN;
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return true;
        value = double.NaN;
        return false;
    }

    // Integers: blank reads as 0; unparsable text reads as 0 and counts as a bad value.
    public static bool TryParseInteger<T>(ReadOnlyMemory<char> field, out T value)
        where T : struct, IBinaryInteger<T>
    {
        ReadOnlySpan<char> text = field.Span.Trim();
        if (text.IsEmpty)
        {
            value = default;
            return true;
        }
        return T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    // Booleans: true/false, yes/no, 1/0 (any case); blank reads as false.
    public static bool TryParseBoolean(ReadOnlyMemory<char> field, out bool value)
    {
        ReadOnlySpan<char> text = field.Span.Trim();
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || text.SequenceEqual("1");
        return value || text.IsEmpty || text.Equals("false", StringComparison.OrdinalIgnoreCase)
            || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0");
    }
}
