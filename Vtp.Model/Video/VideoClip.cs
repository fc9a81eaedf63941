namespace Vtp.Video;

/// <summary>A sampled, cropped and normalised clip, ready to become a tensor.</summary>
/// <param name="Pixels">float32 values in layout [Views, 3, Frames, Height, Width] (ImageNet-normalised).</param>
/// <param name="Views">Number of views (1 for training; temporal x spatial views for testing).</param>
/// <param name="Frames">Frames per view (T).</param>
/// <param name="Height">Height of each frame.</param>
/// <param name="Width">Width of each frame.</param>
/// <param name="FrameIndices">Video frame numbers of each temporal view.</param>
/// <param name="RepeatedFrames">Frames filled with the last decoded one because the stream ended early (see <see cref="DecodedFrames.RepeatedFrames"/>).</param>
public sealed record VideoClip(
    float[] Pixels, int Views, int Frames, int Height, int Width, IReadOnlyList<int[]> FrameIndices, int RepeatedFrames)
{
    /// <summary>Values of one view: 3 x Frames x Height x Width.</summary>
    public int ViewLength => 3 * Frames * Height * Width;

    /// <summary>The values of view <paramref name="view"/>, layout [3, Frames, Height, Width].</summary>
    public ReadOnlySpan<float> View(int view) => Pixels.AsSpan(view * ViewLength, ViewLength);
}
