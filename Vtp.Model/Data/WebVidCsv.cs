namespace Vtp.Data;

/// <summary>
/// WebVid's CSV (<c>videoid,contentUrl,duration,page_dir,name</c>, any column order): the video is
/// <c>videoRoot/page_dir/videoid.mp4</c> and the caption is <c>name</c>.
/// </summary>
public static class WebVidCsv
{
    /// <summary>True when a CSV header has WebVid's columns.</summary>
    public static bool IsWebVid(IEnumerable<string> header)
    {
        var names = header.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.Contains("videoid") && names.Contains("page_dir") && names.Contains("name");
    }

    /// <summary>Reads all samples of <paramref name="path"/>; <paramref name="videoRoot"/> defaults to the CSV's folder.</summary>
    /// <exception cref="DatasetFormatException">A column is missing or a row malformed (the message names the line).</exception>
    public static IReadOnlyList<VideoTextSample> Read(string path, string? videoRoot = null)
    {
        var table = CsvTable.Read(path);
        var root = SampleRows.RootFor(path, videoRoot);
        int id = table.Require("videoid"), name = table.Require("name"), pageDir = table.Require("page_dir");
        return table.Rows.Select(row =>
            {
                var videoId = row.Fields[id].Trim();
                if (videoId.Length == 0 || videoId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                {
                    throw new DatasetFormatException(path, row.LineNumber, $"videoid '{videoId}' is not a valid file name");
                }

                var video = Path.Combine(row.Fields[pageDir].Trim(), videoId + ".mp4");
                return SampleRows.Create(path, row.LineNumber, root, video, row.Fields[name], null, null);
            })
            .ToList();
    }
}
