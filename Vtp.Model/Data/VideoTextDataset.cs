namespace Vtp.Data;

/// <summary>Reads any supported annotation file, choosing the reader by extension (and, for CSV, by header).</summary>
public static class VideoTextDataset
{
    /// <summary>
    /// <c>.jsonl</c>: <see cref="VideoTextJsonl"/>; <c>.json</c>: <see cref="SimVtpJson"/>; <c>.csv</c>:
    /// <see cref="WebVidCsv"/> when the header has <c>videoid,page_dir,name</c>, else <see cref="VideoTextCsv"/>.
    /// </summary>
    /// <exception cref="DatasetFormatException">The file is malformed, or the extension is not supported.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<VideoTextSample> Read(string path, string? videoRoot = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Annotation file '{path}' does not exist.", path);
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => VideoTextJsonl.Read(path, videoRoot),
            ".json" => SimVtpJson.Read(path, videoRoot),
            ".csv" => WebVidCsv.IsWebVid(CsvTable.ReadHeader(path)) ? WebVidCsv.Read(path, videoRoot) : VideoTextCsv.Read(path, videoRoot),
            var other => throw new DatasetFormatException(path, 0, $"unsupported extension '{other}'; expected .csv, .jsonl or .json"),
        };
    }
}
