using System.Globalization;

namespace Vtp.Data;

/// <summary>The checks and path resolution every annotation reader applies to a row.</summary>
internal static class SampleRows
{
    /// <summary>Validates one row and resolves its video path against <paramref name="videoRoot"/>.</summary>
    public static VideoTextSample Create(
        string filePath, int line, string videoRoot, string? video, string? caption, double? start, double? end)
    {
        if (string.IsNullOrWhiteSpace(video))
        {
            throw new DatasetFormatException(filePath, line, "the video path is empty");
        }

        if (string.IsNullOrWhiteSpace(caption))
        {
            throw new DatasetFormatException(filePath, line, $"the caption of '{video}' is empty");
        }

        if (start < 0 || end < 0 || (start is { } s && end is { } e && e <= s))
        {
            throw new DatasetFormatException(
                filePath, line, $"start/end must be non-negative with end > start, got start={start}, end={end}");
        }

        return new VideoTextSample(Path.GetFullPath(Path.Combine(videoRoot, video)), caption, start, end);
    }

    /// <summary>Parses an optional seconds value ("" means absent).</summary>
    public static double? ParseSeconds(string filePath, int line, string column, string text)
    {
        if (text.Trim().Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new DatasetFormatException(filePath, line, $"column '{column}': '{text}' is not a number of seconds");
    }

    /// <summary>The folder relative video paths are resolved against: the given root, or the annotation file's folder.</summary>
    public static string RootFor(string annotationPath, string? videoRoot) =>
        Path.GetFullPath(videoRoot ?? Path.GetDirectoryName(Path.GetFullPath(annotationPath))!);
}
