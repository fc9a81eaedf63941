using System.Globalization;
using System.Text;
using FFMpegCore;
using FFMpegCore.Enums;
using FFMpegCore.Pipes;

namespace Vtp.Video;

/// <summary>
/// Builds the FFMpegCore run of ffmpeg that writes exactly the planned frames as rgb24 into a pipe sink. Inputs,
/// seeking, threads, the stream map, frame count and log level use FFMpegCore's options; the filter graph (select,
/// crop, scale, flip, concat) and ffmpeg's global switches go in as custom arguments, which its builders lack.
/// </summary>
internal static class FfmpegDecodeArguments
{
    /// <summary>The ffmpeg run that decodes <paramref name="runs"/> with <paramref name="strategy"/> into <paramref name="sink"/>.</summary>
    public static FFMpegArgumentProcessor Build(
        VideoInfo info, FrameDecodeStrategy strategy, IReadOnlyList<FrameRun> runs, FrameGeometry geometry,
        VideoDecodeOptions options, IPipeSink sink)
    {
        // -xerror: stop at the first decode error instead of concealing it (unless the caller tolerates damage).
        var global = options.TolerateDecodeErrors ? "-hide_banner -nostdin" : "-hide_banner -nostdin -xerror";
        var arguments = FFMpegArguments.FromFileInput(
            info.FilePath, verifyExists: false, o => InputOptions(o.WithCustomArgument(global), info, strategy, runs[0], options));
        foreach (var run in runs.Skip(1))
        {
            arguments = arguments.AddFileInput(
                info.FilePath, verifyExists: false, o => InputOptions(o, info, strategy, run, options));
        }

        return arguments
            .OutputToPipe(sink, o => o
                .WithCustomArgument($"-filter_complex \"{FilterGraph(info, runs, geometry, strategy)}\"")
                .WithMap("out")
                .WithFpsMode(FpsMode.Passthrough)
                .WithFrameCount(runs.Sum(r => r.Indices.Length))
                .ForceFormat("rawvideo")
                .WithPixelFormat("rgb24"))
            .WithLogLevel(FFMpegLogLevel.Error);
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

    // Seek inputs start half a frame before the run and end half a frame after it, so rounding of timestamps (FFMpegCore
    // writes them in milliseconds) can neither drop a wanted frame nor let a neighbour in, up to 500 fps; frame n of
    // the input is then frame First+n.
    private static void InputOptions(
        FFMpegInputOptions input, VideoInfo info, FrameDecodeStrategy strategy, FrameRun run, VideoDecodeOptions options)
    {
        if (options.DecoderThreads > 0)
        {
            input.WithThreads(options.DecoderThreads);
        }

        if (strategy == FrameDecodeStrategy.Seek)
        {
            if (run.First > 0)
            {
                input.WithStartTime(TimeSpan.FromSeconds((run.First - 0.5) / info.FrameRate));
            }

            input.WithDuration(TimeSpan.FromSeconds((run.Last - run.First + 1) / info.FrameRate));
        }
    }

    // One chain per input: select its frames (numbered from the input's start), apply the geometry, renumber; several
    // chains are concatenated. The result is labelled [out].
    private static string FilterGraph(
        VideoInfo info, IReadOnlyList<FrameRun> runs, FrameGeometry geometry, FrameDecodeStrategy strategy)
    {
        var graph = new StringBuilder();
        var chain = geometry.ToFilterChain();
        for (var k = 0; k < runs.Count; k++)
        {
            var offset = strategy == FrameDecodeStrategy.Seek ? runs[k].First : 0;
            graph.Append(CultureInfo.InvariantCulture, $"[{k}:{info.StreamIndex}]select={SelectExpression(runs[k].Indices, offset)},{chain},setpts=N");
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

        return graph.ToString();
    }
}
