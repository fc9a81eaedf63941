namespace Vtp.Video;

/// <summary>
/// Crop choosers of SimVTP/VideoMAE (SIMVTP.md 1.1 and 1.5). They return rectangles; <see cref="FrameGeometry"/>
/// turns them into ffmpeg filters. Every random choice comes from the <see cref="Random"/> passed in.
/// </summary>
public static class SpatialSampler
{
    /// <summary>The scales of SimVTP's pre-training crop.</summary>
    public static readonly IReadOnlyList<double> PretrainingScales = [1, 0.875, 0.75, 0.66];

    /// <summary>
    /// GroupMultiScaleCrop with fix_crop and more_fix_crop: side candidates <c>int(min(W,H)*scale)</c> (snapped to
    /// <paramref name="size"/> when within 3 px), a (w, h) pair whose scale indices differ by at most
    /// <paramref name="maxDistort"/>, and one of 13 fixed offsets on a quarter grid. A snapped side is clamped to the
    /// frame (the Python code would pad the crop with black instead).
    /// </summary>
    /// <returns>The crop in source pixels; resize it to <paramref name="size"/> x <paramref name="size"/> afterwards.</returns>
    public static PixelRect MultiScaleCrop(
        int width, int height, int size, Random random, IReadOnlyList<double>? scales = null, int maxDistort = 1)
    {
        scales ??= PretrainingScales;
        var baseSize = Math.Min(width, height);
        var sides = scales.Select(s => (int)(baseSize * s)).Select(s => Math.Abs(s - size) < 3 ? size : s).ToArray();
        var pairs = new List<(int W, int H)>();
        for (var i = 0; i < sides.Length; i++)
        {
            for (var j = 0; j < sides.Length; j++)
            {
                if (Math.Abs(i - j) <= maxDistort)
                {
                    pairs.Add((sides[j], sides[i]));
                }
            }
        }

        // A side snapped up to the size can exceed a frame only 1-2 px smaller than it; keep the crop inside.
        var (w, h) = pairs[random.Next(pairs.Count)];
        (w, h) = (Math.Min(w, width), Math.Min(h, height));
        var offsets = FixedOffsets(width, height, w, h);
        var (x, y) = offsets[random.Next(offsets.Length)];
        return new PixelRect(x, y, w, h);
    }

    /// <summary>
    /// The 13 fixed offsets with <c>dw=(W-w)//4</c>, <c>dh=(H-h)//4</c>: corners, centre, edge centres and quarter points,
    /// in GroupMultiScaleCrop's order.
    /// </summary>
    public static (int X, int Y)[] FixedOffsets(int width, int height, int cropWidth, int cropHeight)
    {
        int dw = (width - cropWidth) / 4, dh = (height - cropHeight) / 4;
        return
        [
            (0, 0), (4 * dw, 0), (0, 4 * dh), (4 * dw, 4 * dh), (2 * dw, 2 * dh),
            (0, 2 * dh), (4 * dw, 2 * dh), (2 * dw, 4 * dh), (2 * dw, 0),
            (dw, dh), (3 * dw, dh), (dw, 3 * dh), (3 * dw, 3 * dh),
        ];
    }

    /// <summary>
    /// torchvision's RandomResizedCrop choice (10 tries of area fraction in <paramref name="minScale"/>..1 and log-uniform
    /// aspect ratio in [3/4, 4/3], then a centred fallback), used by SimVTP's fine-tuning.
    /// </summary>
    public static PixelRect RandomResizedCrop(int width, int height, Random random, double minScale = 0.08)
    {
        const double minRatio = 3.0 / 4.0, maxRatio = 4.0 / 3.0;
        double area = (double)width * height, logMin = Math.Log(minRatio), logMax = Math.Log(maxRatio);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var targetArea = area * (minScale + (1 - minScale) * random.NextDouble());
            var aspect = Math.Exp(logMin + (logMax - logMin) * random.NextDouble());
            var w = (int)Math.Round(Math.Sqrt(targetArea * aspect));
            var h = (int)Math.Round(Math.Sqrt(targetArea / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height)
            {
                return new PixelRect(random.Next(width - w + 1), random.Next(height - h + 1), w, h);
            }
        }

        var inRatio = (double)width / height;
        var (fw, fh) = inRatio < minRatio ? (width, (int)Math.Round(width / minRatio))
            : inRatio > maxRatio ? ((int)Math.Round(height * maxRatio), height)
            : (width, height);
        return new PixelRect((width - fw) / 2, (height - fh) / 2, fw, fh);
    }

    /// <summary>The size after resizing the short side to <paramref name="size"/>: long side <c>long*size/short</c> (floored).</summary>
    public static (int Width, int Height) ShortSideResize(int width, int height, int size) =>
        width <= height
            ? (size, (int)((long)height * size / width))
            : ((int)((long)width * size / height), size);

    /// <summary>
    /// <paramref name="count"/> square crops of side <paramref name="size"/> along the long side of a frame whose short
    /// side is already <paramref name="size"/>, starting at <c>int(j*(long-size)/(count-1))</c> (SimVTP's test views).
    /// </summary>
    public static PixelRect[] SpatialViews(int width, int height, int size, int count)
    {
        if (Math.Min(width, height) != size)
        {
            throw new ArgumentException($"Spatial views need the short side resized to {size} first, got {width}x{height}.");
        }

        var step = count == 1 ? 0 : (double)(Math.Max(width, height) - size) / (count - 1);
        return Enumerable.Range(0, count)
            .Select(j => (int)(count == 1 ? (Math.Max(width, height) - size) / 2 : j * step))
            .Select(start => width >= height ? new PixelRect(start, 0, size, size) : new PixelRect(0, start, size, size))
            .ToArray();
    }

    /// <summary>The middle one of <see cref="SpatialViews"/> with three views: offset <c>(long-size)//2</c>.</summary>
    public static PixelRect CenterCrop(int width, int height, int size) => SpatialViews(width, height, size, 3)[1];
}
