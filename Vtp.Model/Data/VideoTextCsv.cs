using System.Globalization;
using System.Text;

namespace Vtp.Data;

/// <summary>
/// Vtp's CSV annotation format: a header row naming the columns <c>video,caption[,start,end]</c> (any order, other
/// columns ignored), RFC 4180 quoting, start/end in seconds (empty = absent). Relative video paths are resolved
/// against the annotation file's folder unless a video root is given.
/// </summary>
public static class VideoTextCsv
{
    /// <summary>Reads all samples of <paramref name="path"/>.</summary>
    /// <exception cref="DatasetFormatException">A row is malformed (the message names the line).</exception>
    public static IReadOnlyList<VideoTextSample> Read(string path, string? videoRoot = null)
    {
        var table = CsvTable.Read(path);
        var root = SampleRows.RootFor(path, videoRoot);
        int video = table.Require("video"), caption = table.Require("caption");
        int start = table.Optional("start"), end = table.Optional("end");
        return table.Rows.Select(row => SampleRows.Create(
                path, row.LineNumber, root, row.Fields[video], row.Fields[caption],
                start < 0 ? null : SampleRows.ParseSeconds(path, row.LineNumber, "start", row.Fields[start]),
                end < 0 ? null : SampleRows.ParseSeconds(path, row.LineNumber, "end", row.Fields[end])))
            .ToList();
    }

    /// <summary>
    /// Writes <paramref name="samples"/> to <paramref name="path"/> with a <c>video,caption,start,end</c> header; video
    /// paths under the file's folder are written relative to it, so the folder can move.
    /// </summary>
    public static void Write(string path, IEnumerable<VideoTextSample> samples)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var text = new StringBuilder("video,caption,start,end\n");
        foreach (var sample in samples)
        {
            var video = Path.GetRelativePath(folder, sample.VideoPath);
            text.Append(Quote(video.StartsWith("..", StringComparison.Ordinal) ? sample.VideoPath : video)).Append(',')
                .Append(Quote(sample.Caption)).Append(',')
                .Append(sample.Start?.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(sample.End?.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
