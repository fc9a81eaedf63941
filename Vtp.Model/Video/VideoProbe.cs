using System.Globalization;
using System.Text.Json;

namespace Vtp.Video;

/// <summary>Reads a video's stream properties with ffprobe (JSON output parsed with System.Text.Json).</summary>
public static class VideoProbe
{
    // Packets read (demuxing only) to find the first two keyframes: about 9 s of 25 fps video with interleaved audio.
    private const int KeyframeScanPackets = 600;

    /// <summary>Probes the first video stream of <paramref name="path"/>.</summary>
    /// <exception cref="VideoDecodeException">The file is missing, empty, not a video or has no video stream.</exception>
    public static VideoInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        ThrowIfUnreadable(path);
        using var document = RunJson(
            path,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams",
             "-show_entries", "packet=stream_index,flags", "-read_intervals", $"%+#{KeyframeScanPackets}", path],
            cancellationToken);
        var root = document.RootElement;
        var stream = FindVideoStream(root)
            ?? throw new VideoDecodeException(path, "the file has no video stream (audio-only or data-only?)");

        var codec = GetString(stream, "codec_name") ?? "unknown";
        var width = GetInt(stream, "width");
        var height = GetInt(stream, "height");
        if (width <= 0 || height <= 0)
        {
            throw new VideoDecodeException(path, $"the video stream has no valid size (width {width}, height {height})");
        }

        var baseRate = ParseRate(GetString(stream, "r_frame_rate"));
        var averageRate = ParseRate(GetString(stream, "avg_frame_rate"));
        var frameRate = averageRate > 0 ? averageRate : baseRate;
        var duration = GetDouble(stream, "duration");
        if (double.IsNaN(duration) && root.TryGetProperty("format", out var format))
        {
            duration = GetDouble(format, "duration");
        }

        var frameCount = GetInt(stream, "nb_frames");
        if (frameCount <= 0)
        {
            frameCount = CountPackets(path, cancellationToken);
        }

        if (frameCount <= 0)
        {
            throw new VideoDecodeException(path, "the video stream has no frames");
        }

        if (double.IsNaN(duration))
        {
            duration = frameRate > 0 ? frameCount / frameRate : 0;
        }

        var constant = baseRate > 0 && Math.Abs(baseRate - averageRate) < 1e-6 * baseRate;
        var streamIndex = GetInt(stream, "index");
        return new VideoInfo(
            path, streamIndex, codec, width, height, ReadRotation(stream), frameRate, frameCount, duration,
            constant, KeyframeInterval(root, streamIndex));
    }

    private static void ThrowIfUnreadable(string path)
    {
        if (!File.Exists(path))
        {
            throw new VideoDecodeException(path, "the file does not exist", inner: new FileNotFoundException(null, path));
        }

        if (new FileInfo(path).Length == 0)
        {
            throw new VideoDecodeException(path, "the file is empty (0 bytes)");
        }
    }

    // Packets between the first two keyframes of the stream (decode order; the GOP length either way), or null
    // when fewer than two keyframes came up in the scanned packets.
    private static int? KeyframeInterval(JsonElement root, int streamIndex)
    {
        if (!root.TryGetProperty("packets", out var packets))
        {
            return null;
        }

        int? first = null;
        var index = 0;
        foreach (var packet in packets.EnumerateArray().Where(p => GetInt(p, "stream_index") == streamIndex))
        {
            if (GetString(packet, "flags") is { } flags && flags.StartsWith('K'))
            {
                if (first is { } start)
                {
                    return index - start;
                }

                first = index;
            }

            index++;
        }

        return null;
    }

    private static int CountPackets(string path, CancellationToken cancellationToken)
    {
        using var document = RunJson(
            path,
            ["-v", "error", "-print_format", "json", "-count_packets", "-select_streams", "v:0",
             "-show_entries", "stream=nb_read_packets", path],
            cancellationToken);
        return document.RootElement.TryGetProperty("streams", out var streams) && streams.GetArrayLength() > 0
            ? GetInt(streams[0], "nb_read_packets")
            : 0;
    }

    private static JsonDocument RunJson(string path, string[] arguments, CancellationToken cancellationToken)
    {
        using var process = FfmpegProcess.Start(FfmpegTools.Ffprobe, arguments, writesStdin: false, cancellationToken);
        var json = process.ReadAllText();
        var exitCode = process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        if (exitCode != 0)
        {
            throw new VideoDecodeException(path, $"ffprobe could not read the file (exit code {exitCode})", process.StderrTail);
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new VideoDecodeException(path, $"ffprobe printed invalid JSON ({e.Message})", process.StderrTail, e);
        }
    }

    private static JsonElement? FindVideoStream(JsonElement root)
    {
        if (!root.TryGetProperty("streams", out var streams))
        {
            return null;
        }

        foreach (var stream in streams.EnumerateArray())
        {
            var isCoverArt = stream.TryGetProperty("disposition", out var disposition)
                && GetInt(disposition, "attached_pic") == 1;
            if (GetString(stream, "codec_type") == "video" && !isCoverArt)
            {
                return stream;
            }
        }

        return null;
    }

    private static int ReadRotation(JsonElement stream)
    {
        double degrees = 0;
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out _))
                {
                    degrees = GetDouble(item, "rotation");
                }
            }
        }
        else if (stream.TryGetProperty("tags", out var tags) && GetString(tags, "rotate") is { } rotate)
        {
            degrees = double.Parse(rotate, CultureInfo.InvariantCulture);
        }

        var quarter = (int)Math.Round(degrees / 90.0);
        return (quarter % 4 + 4) % 4 * 90;
    }

    private static double ParseRate(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : 0;
        }

        var ok = double.TryParse(text[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            & double.TryParse(text[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var den);
        return ok && den > 0 ? num / den : 0;
    }

    // ffprobe prints some numbers as JSON numbers and others as strings: accept both.
    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static double GetDouble(JsonElement element, string name) =>
        GetString(element, name) is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : double.NaN;

    private static int GetInt(JsonElement element, string name)
    {
        var value = GetDouble(element, name);
        return double.IsNaN(value) ? 0 : (int)value;
    }
}
