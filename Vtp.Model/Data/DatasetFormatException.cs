namespace Vtp.Data;

/// <summary>An annotation file is malformed. The message names the file, the line and what is wrong.</summary>
public sealed class DatasetFormatException : FormatException
{
    /// <summary>Creates the exception for line <paramref name="lineNumber"/> (1-based; 0 for the whole file).</summary>
    public DatasetFormatException(string filePath, int lineNumber, string reason, Exception? inner = null)
        : base(lineNumber > 0 ? $"'{filePath}' line {lineNumber}: {reason}" : $"'{filePath}': {reason}", inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The annotation file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the offending row (where it starts), or 0 when the problem concerns the whole file.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without file and line.</summary>
    public string Reason { get; }
}
