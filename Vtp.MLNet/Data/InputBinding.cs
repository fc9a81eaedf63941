// Which input columns hold the video path, the caption and the optional clip bounds, and how one row's values are
// read from them.
using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.Data;

namespace Vtp.MLNet;

/// <summary>The input values of one row; a member is null when its column is not bound or not read.</summary>
internal readonly record struct InputValues(string? Video, string? Caption, double? Start, double? End)
{
    /// <summary>The row as a sample (the caption may be absent).</summary>
    public VideoTextSample ToSample() => new(Video ?? "", Caption ?? "", Start, End);
}

/// <summary>
/// Input column names: <see cref="Video"/> and <see cref="Caption"/> are text, <see cref="Start"/> and <see cref="End"/>
/// Single or Double seconds (NaN = not set). Relative video paths are resolved against <see cref="VideoFolder"/>
/// (null: the current directory).
/// </summary>
internal sealed record InputBinding(string? Video, string? Caption, string? Start, string? End, string? VideoFolder)
{
    /// <summary>The bound columns with their requirements.</summary>
    public IEnumerable<(string Name, ColumnRequirement Requirement)> Columns(bool video, bool caption)
    {
        if (video && Video is not null) yield return (Video, ColumnRequirement.Text);
        if (video && Start is not null) yield return (Start, ColumnRequirement.Seconds);
        if (video && End is not null) yield return (End, ColumnRequirement.Seconds);
        if (caption && Caption is not null) yield return (Caption, ColumnRequirement.Text);
    }

    /// <summary>Checks the columns needed for videos and/or captions in a schema shape.</summary>
    public void Check(SchemaShape shape, bool video, bool caption)
    {
        foreach (var (name, requirement) in Columns(video, caption)) SchemaChecks.Require(shape, name, requirement);
    }

    /// <summary>Checks the columns needed for videos and/or captions in a schema.</summary>
    public void Check(DataViewSchema schema, bool video, bool caption)
    {
        foreach (var (name, requirement) in Columns(video, caption)) SchemaChecks.Require(schema, name, requirement);
    }

    /// <summary>Reads rows of a cursor or row: the video path (resolved), caption and bounds that are asked for.</summary>
    public InputReader Reader(DataViewRow row, bool readVideo, bool readCaption) => new(this, row, readVideo, readCaption);

    /// <summary>The absolute path of a video path read from a row.</summary>
    public string Resolve(string path) => Path.GetFullPath(VideoFolder is null ? path : Path.Combine(VideoFolder, path));
}

/// <summary>Reads the bound columns of the current row; one per cursor or row (getters keep their buffers).</summary>
internal sealed class InputReader
{
    private readonly InputBinding binding;
    private readonly DataViewRow row;
    private readonly ValueGetter<ReadOnlyMemory<char>>? video;
    private readonly ValueGetter<ReadOnlyMemory<char>>? caption;
    private readonly Func<double?>? start;
    private readonly Func<double?>? end;
    private ReadOnlyMemory<char> buffer;

    public InputReader(InputBinding binding, DataViewRow row, bool readVideo, bool readCaption)
    {
        this.binding = binding;
        this.row = row;
        if (readVideo && binding.Video is { } v) video = row.GetGetter<ReadOnlyMemory<char>>(row.Schema[v]);
        if (readVideo && binding.Start is { } s) start = Seconds(row, s);
        if (readVideo && binding.End is { } e) end = Seconds(row, e);
        if (readCaption && binding.Caption is { } c) caption = row.GetGetter<ReadOnlyMemory<char>>(row.Schema[c]);
    }

    /// <summary>The values of the current row.</summary>
    /// <exception cref="InvalidDataException">The video path is empty or a bound is negative; the message names the row and column.</exception>
    public InputValues Read()
    {
        string? path = null, text = null;
        if (video is not null)
        {
            video(ref buffer);
            var raw = buffer.Span.Trim();
            if (raw.IsEmpty) throw new InvalidDataException($"Row {row.Position}: input column '{binding.Video}' is empty; expected a video file path.");
            path = binding.Resolve(raw.ToString());
        }
        if (caption is not null)
        {
            caption(ref buffer);
            text = buffer.ToString();
        }
        var (from, to) = (start?.Invoke(), end?.Invoke());
        if (from < 0 || to < 0 || (from is { } f && to is { } t && t <= f))
            throw new InvalidDataException(
                $"Row {row.Position}: clip bounds '{binding.Start}' = {from} and '{binding.End}' = {to} must be non-negative with end > start." +
                (to == 0 ? EmptyFieldHint : ""));
        return new InputValues(path, text, from, to);
    }

    private const string EmptyFieldHint = " An empty field of a text file reads as 0 in ML.NET's text loader; load with " +
        "TextLoader.Options.MissingRealsAsNaNs = true so that it reads as NaN (not set).";

    // Single or Double seconds; NaN (ML.NET's missing value) means "not set".
    private static Func<double?> Seconds(DataViewRow row, string name)
    {
        var column = row.Schema[name];
        if (column.Type == NumberDataViewType.Single)
        {
            var getter = row.GetGetter<float>(column);
            return () =>
            {
                float value = 0;
                getter(ref value);
                return float.IsNaN(value) ? null : value;
            };
        }
        var wide = row.GetGetter<double>(column);
        return () =>
        {
            double value = 0;
            wide(ref value);
            return double.IsNaN(value) ? null : value;
        };
    }
}
