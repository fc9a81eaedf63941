using System.Text.Json;

namespace Vtp.Data;

/// <summary>
/// Vtp's JSON-lines annotation format: one object per line,
/// <c>{"video": "a.mp4", "caption": "...", "start": 1.5, "end": 4.0}</c> (start/end optional or null); blank lines
/// are skipped. Relative video paths are resolved against the annotation file's folder unless a video root is given.
/// </summary>
public static class VideoTextJsonl
{
    /// <summary>Reads all samples of <paramref name="path"/>.</summary>
    /// <exception cref="DatasetFormatException">A line is not a valid object (the message names the line).</exception>
    public static IReadOnlyList<VideoTextSample> Read(string path, string? videoRoot = null)
    {
        var root = SampleRows.RootFor(path, videoRoot);
        var samples = new List<VideoTextSample>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(path, line, $"invalid JSON ({e.Message})", e);
            }

            using (document)
            {
                var row = document.RootElement;
                if (row.ValueKind != JsonValueKind.Object)
                {
                    throw new DatasetFormatException(path, line, $"expected a JSON object, got {row.ValueKind}");
                }

                samples.Add(SampleRows.Create(
                    path, line, root, String(row, "video", path, line), String(row, "caption", path, line),
                    Seconds(row, "start", path, line), Seconds(row, "end", path, line)));
            }
        }

        return samples;
    }

    private static string String(JsonElement row, string name, string path, int line) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DatasetFormatException(path, line, $"'{name}' must be a string, got {(row.TryGetProperty(name, out var v) ? v.ValueKind.ToString() : "nothing")}");

    private static double? Seconds(JsonElement row, string name, string path, int line) =>
        !row.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw new DatasetFormatException(path, line, $"'{name}' must be a number of seconds or null, got {value.GetRawText()}");
}
