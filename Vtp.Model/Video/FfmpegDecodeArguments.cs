using System.Globalization;
using System.Text;

namespace Vtp.Video;

/// <summary>Builds the ffmpeg command line that writes exactly the planned frames as rgb24 to stdout.</summary>
internal static class FfmpegDecodeArguments
{
    /// <summary>Arguments for one ffmpeg process that decodes <paramref name="runs"/> with <paramref name="strategy"/>.</summary>
    public static List<string> Build(
        VideoInfo info, FrameDecodeStrategy strategy, IReadOnlyList<FrameRun> runs, FrameGeometry geometry,
        VideoDecodeOptions options)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error" };
        if (!options.TolerateDecodeErrors)
        {
            args.Add("-xerror");
        }

        var graph = new StringBuilder();
        var chain = geometry.ToFilterChain();
        for (var k = 0; k < runs.Count; k++)
        {
            var run = runs[k];
            if (options.DecoderThreads > 0)
            {
                args.AddRange(["-threads", options.DecoderThreads.ToString(CultureInfo.InvariantCulture)]);
            }

            // Seek inputs start half a frame before the run and end half a frame after it, so rounding of
            // timestamps can neither drop a wanted frame nor let a neighbour in; frame n of the input is frame First+n.
            var offset = 0;
            if (strategy == FrameDecodeStrategy.Seek)
            {
                offset = run.First;
                if (run.First > 0)
                {
                    args.AddRange(["-ss", Seconds((run.First - 0.5) / info.FrameRate)]);
                }

                args.AddRange(["-t", Seconds((run.Last - run.First + 1) / info.FrameRate)]);
            }

            args.AddRange(["-i", info.FilePath]);
            graph.Append(CultureInfo.InvariantCulture, $"[{k}:{info.StreamIndex}]select={SelectExpression(run.Indices, offset)},{chain},setpts=N");
            graph.Append(runs.Count == 1 ? "[out]" : $"[v{k}];");
        }

        if (runs.Count > 1)
        {
            for (var k = 0; k < runs.Count; k++)
            {
                graph.Append(CultureInfo.InvariantCulture, $"[v{k}]");
            }

            graph.Append(CultureInfo.InvariantCulture, $"concat=n={runs.Count}:v=1:a=0,setpts=N[out]");
        }

        var frames = runs.Sum(r => r.Indices.Length);
        args.AddRange([
            "-filter_complex", graph.ToString(), "-map", "[out]", "-fps_mode", "passthrough",
            "-frames:v", frames.ToString(CultureInfo.InvariantCulture), "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ]);
        return args;
    }

    /// <summary>
    /// A <c>select</c> expression that is true for frame numbers <c>n + offset</c> in <paramref name="indices"/>
    /// (ascending, distinct). Arithmetic runs of three or more become one <c>between</c>/<c>mod</c> term, so the
    /// expression stays short even for hundreds of frames. Commas are escaped for a filtergraph.
    /// </summary>
    internal static string SelectExpression(int[] indices, int offset)
    {
        var terms = new List<string>();
        var i = 0;
        while (i < indices.Length)
        {
            var j = i + 1;
            if (j < indices.Length)
            {
                var step = indices[j] - indices[i];
                while (j + 1 < indices.Length && indices[j + 1] - indices[j] == step)
                {
                    j++;
                }

                if (j - i >= 2)
                {
                    int a = indices[i] - offset, b = indices[j] - offset;
                    terms.Add(step == 1
                        ? $"between(n\\,{a}\\,{b})"
                        : $"between(n\\,{a}\\,{b})*not(mod(n-{a}\\,{step}))");
                    i = j + 1;
                    continue;
                }
            }

            terms.Add($"eq(n\\,{indices[i] - offset})");
            i++;
        }

        return string.Join('+', terms);
    }

    private static string Seconds(double seconds) => seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
