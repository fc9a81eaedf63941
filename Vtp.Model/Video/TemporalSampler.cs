namespace Vtp.Video;

/// <summary>
/// Frame-number samplers of SimVTP (SIMVTP.md 1.1 and 1.5). Indices are 0-based within a window of
/// <c>frameCount</c> frames; every random choice comes from the <see cref="Random"/> passed in.
/// </summary>
public static class TemporalSampler
{
    /// <summary>
    /// Pre-training: <paramref name="numFrames"/> frames at <paramref name="stride"/> from a start drawn uniformly in
    /// [0, n - numFrames*stride] (0 when the clip is shorter). As VideoMAE's loader does, the index only advances while
    /// the next one is at most n-2, otherwise the last reached index repeats: n = 9, 16 frames, stride 4 gives
    /// 0, 4, 4, ..., 4.
    /// </summary>
    public static int[] Pretraining(int frameCount, int numFrames, int stride, Random random)
    {
        Check(frameCount, numFrames);
        CheckPositive(stride, nameof(stride));
        var span = numFrames * stride;
        var start = frameCount >= span ? random.Next(frameCount - span + 1) : 0;
        var indices = new int[numFrames];
        var offset = start;
        for (var i = 0; i < numFrames; i++)
        {
            indices[i] = offset;
            if (offset + stride <= frameCount - 2)
            {
                offset += stride;
            }
        }

        return indices;
    }

    /// <summary>
    /// Fine-tuning training: when n &gt; <paramref name="window"/>, end = uniform in [window, n-1], start = end-window and
    /// the indices are <c>int(clip(linspace(start, end, numFrames), start, end-1))</c>; otherwise
    /// <c>linspace(0, n, n*numFrames/window)</c> padded with n up to numFrames, clipped to n-1.
    /// </summary>
    public static int[] FineTuneTraining(int frameCount, int numFrames, int window, Random random)
    {
        Check(frameCount, numFrames);
        CheckPositive(window, nameof(window));
        if (frameCount > window)
        {
            var end = random.Next(window, frameCount);
            return Linspace(end - window, end, numFrames, numFrames, end - window, end - 1);
        }

        var count = (int)((long)frameCount * numFrames / window);
        return Linspace(0, frameCount, count, numFrames, 0, frameCount - 1);
    }

    /// <summary>
    /// Test views: all frames at <paramref name="stride"/> (padded with the last one up to numFrames), then
    /// <paramref name="temporalViews"/> windows of numFrames consecutive sampled frames starting at
    /// <c>int(k*(N-numFrames)/(S-1))</c>; one view starts at 0.
    /// </summary>
    public static int[][] TestViews(int frameCount, int numFrames, int stride, int temporalViews)
    {
        Check(frameCount, numFrames);
        CheckPositive(stride, nameof(stride));
        CheckPositive(temporalViews, nameof(temporalViews));
        var strided = Enumerable.Range(0, (frameCount + stride - 1) / stride).Select(i => i * stride).ToList();
        while (strided.Count < numFrames)
        {
            strided.Add(strided[^1]);
        }

        var views = new int[temporalViews][];
        for (var k = 0; k < temporalViews; k++)
        {
            var start = temporalViews == 1 ? 0 : (int)((long)k * (strided.Count - numFrames) / (temporalViews - 1));
            views[k] = strided.GetRange(start, numFrames).ToArray();
        }

        return views;
    }

    /// <summary>Uniform: the middle frame of each of <paramref name="numFrames"/> equal segments, floor((2i+1)n / 2T).</summary>
    public static int[] Uniform(int frameCount, int numFrames)
    {
        Check(frameCount, numFrames);
        return Enumerable.Range(0, numFrames)
            .Select(i => (int)((2L * i + 1) * frameCount / (2L * numFrames)))
            .ToArray();
    }

    // numpy.linspace in float64 (step = delta/div, y = k*step + start, last = stop), padded with `stop` up to
    // `length`, clipped to [low, high] and truncated to int, as the Python samplers do.
    private static int[] Linspace(double start, double stop, int count, int length, int low, int high)
    {
        var result = new int[length];
        var step = count > 1 ? (stop - start) / (count - 1) : 0;
        for (var k = 0; k < length; k++)
        {
            var value = k >= count || (k == count - 1 && count > 1) ? stop : k * step + start;
            result[k] = (int)Math.Clamp(value, low, high);
        }

        return result;
    }

    private static void Check(int frameCount, int numFrames)
    {
        CheckPositive(frameCount, nameof(frameCount));
        CheckPositive(numFrames, nameof(numFrames));
    }

    private static void CheckPositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, got {value}.");
        }
    }
}
