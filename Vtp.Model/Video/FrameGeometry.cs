using System.Globalization;

namespace Vtp.Video;

/// <summary>
/// What happens to every decoded frame, in this order: an optional crop of the source (in displayed coordinates,
/// after rotation), a bilinear resize to <see cref="ScaleWidth"/> x <see cref="ScaleHeight"/>, an optional crop of
/// the resized frame, an optional horizontal flip. ffmpeg does all of it, so only the final pixels cross the pipe.
/// </summary>
/// <param name="ScaleWidth">Width after resizing.</param>
/// <param name="ScaleHeight">Height after resizing.</param>
public sealed record FrameGeometry(int ScaleWidth, int ScaleHeight)
{
    /// <summary>Crop of the source frame applied before resizing, or null for the whole frame.</summary>
    public PixelRect? SourceCrop { get; init; }

    /// <summary>Crop of the resized frame, or null to keep all of it.</summary>
    public PixelRect? OutputCrop { get; init; }

    /// <summary>Mirror every frame left to right.</summary>
    public bool FlipHorizontal { get; init; }

    /// <summary>Width of the frames that come out.</summary>
    public int OutputWidth => OutputCrop?.Width ?? ScaleWidth;

    /// <summary>Height of the frames that come out.</summary>
    public int OutputHeight => OutputCrop?.Height ?? ScaleHeight;

    /// <summary>Bytes of one output frame in rgb24.</summary>
    public int FrameBytes => checked(OutputWidth * OutputHeight * 3);

    /// <summary>Resize the whole frame to <paramref name="width"/> x <paramref name="height"/> (no crop).</summary>
    public static FrameGeometry Resize(int width, int height) => new(width, height);

    /// <summary>Checks the geometry against a source of the given displayed size.</summary>
    /// <exception cref="ArgumentException">A size is not positive or a crop leaves its frame.</exception>
    public void Validate(int sourceWidth, int sourceHeight)
    {
        if (ScaleWidth <= 0 || ScaleHeight <= 0)
        {
            throw new ArgumentException($"Resize target must be positive, got {ScaleWidth}x{ScaleHeight}.");
        }

        if (SourceCrop is { } source && !source.FitsIn(sourceWidth, sourceHeight))
        {
            throw new ArgumentException(
                $"Source crop {source} does not fit in the {sourceWidth}x{sourceHeight} source frame.");
        }

        if (OutputCrop is { } output && !output.FitsIn(ScaleWidth, ScaleHeight))
        {
            throw new ArgumentException(
                $"Output crop {output} does not fit in the {ScaleWidth}x{ScaleHeight} resized frame.");
        }
    }

    /// <summary>The ffmpeg filter chain (comma-separated, already escaped for a filtergraph) for this geometry.</summary>
    internal string ToFilterChain()
    {
        var filters = new List<string>(5);
        if (SourceCrop is { } source)
        {
            filters.Add(Crop(source));
        }

        filters.Add(string.Create(CultureInfo.InvariantCulture, $"scale={ScaleWidth}:{ScaleHeight}:flags=bilinear"));
        if (OutputCrop is { } output)
        {
            filters.Add(Crop(output));
        }

        if (FlipHorizontal)
        {
            filters.Add("hflip");
        }

        filters.Add("format=rgb24");
        return string.Join(',', filters);
    }

    // exact=1: without it ffmpeg rounds odd offsets of subsampled (yuv420p) frames down to even ones.
    private static string Crop(PixelRect r) =>
        string.Create(CultureInfo.InvariantCulture, $"crop={r.Width}:{r.Height}:{r.X}:{r.Y}:exact=1");
}
