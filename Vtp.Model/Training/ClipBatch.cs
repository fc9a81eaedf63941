// Stacking decoded clips into the video tensor of a batch.
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Training;

public static class ClipBatch
{
    /// <summary>
    /// Stacks view <paramref name="view"/> of each clip into video [B, 3, T, H, W] (one copy into native memory).
    /// </summary>
    /// <exception cref="ArgumentException">The clips differ in size, or the view does not exist.</exception>
    public static Tensor Stack(IReadOnlyList<VideoClip> clips, int view = 0)
    {
        if (clips.Count == 0) throw new ArgumentException("A batch needs at least one clip.", nameof(clips));
        var first = clips[0];
        var length = first.ViewLength;
        var data = new float[clips.Count * (long)length];
        for (int i = 0; i < clips.Count; i++)
        {
            var c = clips[i];
            if (c.Frames != first.Frames || c.Height != first.Height || c.Width != first.Width || view >= c.Views)
                throw new ArgumentException(
                    $"Clip {i} is {c.Views} view(s) of {c.Frames}x{c.Height}x{c.Width}; clip 0 is {first.Frames}x{first.Height}x{first.Width} and view {view} was asked for.");
            c.View(view).CopyTo(data.AsSpan(i * length, length));
        }
        return tensor(data, [clips.Count, 3, first.Frames, first.Height, first.Width]);
    }
}
