using System.Globalization;
using Vtp.Video;

namespace Vtp.Samples.DemoData;

/// <summary>
/// Encodes a batch of equally long clips with one ffmpeg process: frames are piped back to back, a keyframe is
/// forced at every clip start and the segment muxer cuts one mp4 per clip, which is then renamed to its clip's path.
/// Starting one ffmpeg per clip would cost more than encoding the 64x64 frames themselves.
/// </summary>
internal static class DemoClipEncoder
{
    /// <summary>Clips per ffmpeg process. Fixed (not derived from the core count) so that the bytes written depend on
    /// the seed and options only: the encoder's rate control runs across a batch.</summary>
    public const int BatchSize = 50;

    /// <summary>H.264 yuv420p without B-frames, so that every clip's first frame is at time 0.</summary>
    private static readonly VideoEncoding Encoding =
        VideoEncoding.H264 with { ExtraArguments = [.. VideoEncoding.H264.ExtraArguments, "-bf", "0"] };

    /// <summary>Renders and writes <paramref name="clips"/> (all into the same folder).</summary>
    public static void Write(IReadOnlyList<DemoClip> clips, DemoDataOptions options, Action clipWritten)
    {
        var folder = Path.GetDirectoryName(clips[0].VideoPath)!;
        var pattern = Path.Combine(folder, $".segment-{Guid.NewGuid():N}-%05d.mp4");
        var frames = options.Frames;
        var splits = string.Join(',', Enumerable.Range(1, clips.Count - 1).Select(i => (i * frames).ToString(CultureInfo.InvariantCulture)));
        var encoding = Encoding with
        {
            ExtraArguments =
            [
                .. Encoding.ExtraArguments,
                "-force_key_frames", $"expr:eq(mod(n,{frames}),0)",
                "-f", "segment", "-segment_format", "mp4", "-reset_timestamps", "1",
                .. clips.Count > 1 ? (string[])["-segment_frames", splits] : [],
            ],
        };

        try
        {
            using (var writer = new RawVideoWriter(pattern, options.Size, options.Size, options.FrameRate, encoding))
            {
                var frameBytes = options.Size * options.Size * 3;
                foreach (var clip in clips)
                {
                    var rgb = DemoRenderer.Render(clip, frames, options.Size);
                    for (var f = 0; f < frames; f++)
                    {
                        writer.WriteFrame(rgb.AsSpan(f * frameBytes, frameBytes));
                    }

                    clipWritten();
                }

                writer.Complete();
            }

            for (var i = 0; i < clips.Count; i++)
            {
                File.Move(Segment(pattern, i), clips[i].VideoPath, overwrite: true);
            }
        }
        finally
        {
            for (var i = 0; i < clips.Count; i++)
            {
                File.Delete(Segment(pattern, i));
            }
        }
    }

    private static string Segment(string pattern, int index) =>
        pattern.Replace("%05d", index.ToString("D5", CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
