namespace Vtp.Video;

/// <summary>An axis-aligned rectangle in pixels: left, top, width, height.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>True when the rectangle is non-empty and lies inside a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public bool FitsIn(int width, int height) =>
        Width > 0 && Height > 0 && X >= 0 && Y >= 0 && X + Width <= width && Y + Height <= height;

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height}+{X}+{Y}";
}
