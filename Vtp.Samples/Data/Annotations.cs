using Microsoft.ML;
using Vtp.Data;
using Vtp.Samples.Cli;

namespace Vtp.Samples.Data;

/// <summary>Annotation files (CSV, JSONL, SimVTP JSON) read into samples and into ML.NET data views of <see cref="ClipRow"/>.</summary>
internal static class Annotations
{
    /// <summary>The column of clip starts in the views made here.</summary>
    public const string StartColumn = nameof(ClipRow.Start);

    /// <summary>The column of clip ends in the views made here.</summary>
    public const string EndColumn = nameof(ClipRow.End);

    /// <summary>Every sample of the file; relative video paths resolve against the file's folder.</summary>
    /// <exception cref="CliException">The file does not exist, or holds no rows.</exception>
    /// <exception cref="DatasetFormatException">A row is malformed.</exception>
    public static IReadOnlyList<VideoTextSample> Read(string path)
    {
        if (!File.Exists(path)) throw CliException.MissingFile(path, "Annotation file");
        var samples = VideoTextDataset.Read(path);
        return samples.Count > 0 ? samples
            : throw new CliException(ExitCodes.BadInput, $"Annotation file '{path}' has no rows.", "Add rows of video,caption (see docs/formats.md).");
    }

    /// <summary>The samples as an ML.NET data view (VideoPath, Caption, Start, End).</summary>
    public static IDataView ToDataView(MLContext context, IEnumerable<VideoTextSample> samples) =>
        context.Data.LoadFromEnumerable(samples.Select(s => new ClipRow
        {
            VideoPath = s.VideoPath, Caption = s.Caption, Start = s.Start ?? double.NaN, End = s.End ?? double.NaN,
        }).ToList());

    /// <summary>The distinct clips (video, start, end) of <paramref name="samples"/> in first-seen order, and each sample's clip index.</summary>
    public static (IReadOnlyList<VideoTextSample> Clips, int[] ClipOfSample) DistinctClips(IReadOnlyList<VideoTextSample> samples)
    {
        var clips = new List<VideoTextSample>();
        var index = new Dictionary<(string, double?, double?), int>();
        var clipOfSample = new int[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            var key = (samples[i].VideoPath, samples[i].Start, samples[i].End);
            if (!index.TryGetValue(key, out var clip))
            {
                (clip, index[key]) = (clips.Count, clips.Count);
                clips.Add(samples[i]);
            }
            clipOfSample[i] = clip;
        }
        return (clips, clipOfSample);
    }
}
