using System.Text.Json;

namespace Vtp.Data;

/// <summary>
/// SimVTP's annotation JSON: one object mapping video paths to captions, <c>{"videos/a.mp4": "a caption", ...}</c>.
/// Relative paths are resolved against the annotation file's folder unless a video root is given.
/// </summary>
public static class SimVtpJson
{
    /// <summary>Reads all samples of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="DatasetFormatException">The JSON is invalid or an entry is not a string (the message names the line).</exception>
    public static IReadOnlyList<VideoTextSample> Read(string path, string? videoRoot = null)
    {
        var bytes = File.ReadAllBytes(path);
        var root = SampleRows.RootFor(path, videoRoot);
        var lines = new LineCounter(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var samples = new List<VideoTextSample>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new DatasetFormatException(path, lines.At(reader.TokenStartIndex), "expected a JSON object mapping video paths to captions");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var video = reader.GetString()!;
                var line = lines.At(reader.TokenStartIndex);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new DatasetFormatException(path, line, $"the caption of '{video}' must be a string, got {reader.TokenType}");
                }

                samples.Add(SampleRows.Create(path, line, root, video, reader.GetString(), null, null));
            }
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, (int)(e.LineNumber ?? -1) + 1, $"invalid JSON ({e.Message})", e);
        }

        return samples;
    }

    // Line of a byte offset, counting forward from the last query (offsets only grow while reading).
    private sealed class LineCounter(byte[] bytes)
    {
        private long _offset;
        private int _line = 1;

        public int At(long offset)
        {
            _line += bytes.AsSpan((int)_offset, (int)(offset - _offset)).Count((byte)'\n');
            _offset = offset;
            return _line;
        }
    }
}
