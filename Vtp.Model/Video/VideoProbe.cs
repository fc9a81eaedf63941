using System.Globalization;
using System.Text.Json;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace Vtp.Video;

/// <summary>Reads a video's stream properties with ffprobe, through FFMpegCore's <see cref="FFProbe"/>.</summary>
public static class VideoProbe
{
    // Packets read (demuxing only) to find the first two keyframes: about 9 s of 25 fps video with interleaved audio.
    private const int KeyframeScanPackets = 600;

    // Added to FFProbe's own arguments: the first packets' keyframe flags, in the same ffprobe run.
    private static readonly string KeyframeScan = string.Create(
        CultureInfo.InvariantCulture, $"-show_entries packet=stream_index,flags -read_intervals %+#{KeyframeScanPackets}");

    /// <summary>Probes the first video stream of <paramref name="path"/> (cover art excluded).</summary>
    /// <exception cref="VideoDecodeException">The file is missing, empty, not a video or has no video stream.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffprobe has been stopped.</exception>
    public static VideoInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        ThrowIfUnreadable(path);
        var analysis = Analyse(path, KeyframeScan, cancellationToken);
        var stream = analysis.VideoStreams.FirstOrDefault(s => s.Disposition?.GetValueOrDefault("attached_pic") != true)
            ?? throw new VideoDecodeException(path, "the file has no video stream (audio-only or data-only?)");

        int width = stream.Width ?? 0, height = stream.Height ?? 0;
        if (width <= 0 || height <= 0)
        {
            throw new VideoDecodeException(path, $"the video stream has no valid size (width {width}, height {height})");
        }

        double baseRate = Rate(stream.RealFrameRate), averageRate = Rate(stream.AverageFrameRate);
        var frameRate = averageRate > 0 ? averageRate : baseRate;
        var frameCount = RawNumber(analysis, stream.Index, "nb_frames");
        if (frameCount <= 0)
        {
            // Matroska and others store no frame count: count the packets (reads the whole file).
            frameCount = RawNumber(Analyse(path, "-count_packets", cancellationToken), stream.Index, "nb_read_packets");
        }

        if (frameCount <= 0)
        {
            throw new VideoDecodeException(path, "the video stream has no frames");
        }

        var duration = stream.Duration > TimeSpan.Zero ? stream.Duration
            : analysis.Format.Duration > TimeSpan.Zero ? analysis.Format.Duration
            : TimeSpan.FromSeconds(frameRate > 0 ? frameCount / frameRate : 0);
        var constant = baseRate > 0 && Math.Abs(baseRate - averageRate) < 1e-6 * baseRate;
        return new VideoInfo(
            path, stream.Index, string.IsNullOrEmpty(stream.CodecName) ? "unknown" : stream.CodecName, width, height,
            QuarterTurns(stream.Rotation), frameRate, frameCount, duration.TotalSeconds, constant,
            KeyframeInterval(analysis, stream.Index));
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

    private static IMediaAnalysis Analyse(string path, string extraArguments, CancellationToken cancellationToken)
    {
        try
        {
            return FFProbe.AnalyseAsync(path, FfmpegTools.FfprobeOptions(), extraArguments, cancellationToken)
                .GetAwaiter().GetResult();
        }
        catch (FFProbeProcessException e)
        {
            throw new VideoDecodeException(
                path, $"ffprobe could not read the file (exit code {e.ExitCode})", VideoDecodeException.LastLines(e.StandardError), e);
        }
    }

    // A number FFMpegCore keeps only in the raw stream's extra fields (ffprobe prints it as a string), or 0.
    private static int RawNumber(IMediaAnalysis analysis, int streamIndex, string field) =>
        analysis.Raw.Streams.FirstOrDefault(s => s.Index == streamIndex)?.ExtensionData is { } fields
        && fields.TryGetValue(field, out var value)
        && int.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : 0;

    // Packets between the first two keyframes of the stream (decode order; the GOP length either way), or null
    // when fewer than two keyframes came up in the scanned packets.
    private static int? KeyframeInterval(IMediaAnalysis analysis, int streamIndex)
    {
        if (analysis.Raw.ExtensionData?.TryGetValue("packets", out var packets) != true)
        {
            return null;
        }

        int? first = null;
        var index = 0;
        foreach (var packet in packets.EnumerateArray()
                     .Where(p => p.TryGetProperty("stream_index", out var s) && s.GetInt32() == streamIndex))
        {
            if (packet.TryGetProperty("flags", out var flags) && flags.GetString() is { } text && text.StartsWith('K'))
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

    // ffprobe reports the display matrix's angle, e.g. -90 for a quarter turn clockwise: normalise to 0..270.
    private static int QuarterTurns(int degrees)
    {
        var quarter = (int)Math.Round(degrees / 90.0);
        return (quarter % 4 + 4) % 4 * 90;
    }

    // FFMpegCore parses "num/den"; an unknown rate ("0/0") comes back as 0 or NaN.
    private static double Rate(double rate) => double.IsFinite(rate) && rate > 0 ? rate : 0;
}
