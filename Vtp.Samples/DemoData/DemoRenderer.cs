namespace Vtp.Samples.DemoData;

/// <summary>Draws demo clips as rgb24 frames: anti-aliased shapes (2x2 supersampling) on a dark background.</summary>
public static class DemoRenderer
{
    /// <summary>The background colour.</summary>
    public static readonly (byte R, byte G, byte B) Background = (18, 18, 26);

    /// <summary>The RGB value of each colour word.</summary>
    public static (byte R, byte G, byte B) Rgb(DemoColour colour) => colour switch
    {
        DemoColour.Red => (220, 40, 40),
        DemoColour.Green => (40, 190, 60),
        DemoColour.Blue => (50, 90, 235),
        DemoColour.Yellow => (235, 215, 40),
        DemoColour.Purple => (160, 70, 220),
        _ => (235, 235, 235),
    };

    /// <summary>Renders <paramref name="frames"/> frames of <paramref name="size"/> x <paramref name="size"/>, back to back.</summary>
    public static byte[] Render(DemoClip clip, int frames, int size)
    {
        var frameBytes = size * size * 3;
        var rgb = new byte[frames * frameBytes];
        for (var f = 0; f < frames; f++)
        {
            var frame = rgb.AsSpan(f * frameBytes, frameBytes);
            for (var i = 0; i < frame.Length; i += 3)
            {
                (frame[i], frame[i + 1], frame[i + 2]) = Background;
            }

            for (var k = 0; k < clip.Objects.Count; k++)
            {
                var o = clip.Objects[k];
                Draw(frame, size, o, DemoMotion.Position(o, clip.Starts[k], f, frames, size));
            }
        }

        return rgb;
    }

    private static void Draw(Span<byte> frame, int size, DemoObject o, (double X, double Y) centre)
    {
        var r = DemoMotion.Radius(o.Size, size);
        var (cr, cg, cb) = Rgb(o.Colour);
        int x0 = Math.Max(0, (int)(centre.X - r)), x1 = Math.Min(size - 1, (int)(centre.X + r));
        int y0 = Math.Max(0, (int)(centre.Y - r)), y1 = Math.Min(size - 1, (int)(centre.Y + r));
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var covered = 0;
                foreach (var (sx, sy) in SubPixels)
                {
                    covered += Inside(o.Shape, (x + sx - centre.X) / r, (y + sy - centre.Y) / r) ? 1 : 0;
                }

                if (covered == 0)
                {
                    continue;
                }

                var a = covered / 4.0;
                var i = (y * size + x) * 3;
                frame[i] = Blend(frame[i], cr, a);
                frame[i + 1] = Blend(frame[i + 1], cg, a);
                frame[i + 2] = Blend(frame[i + 2], cb, a);
            }
        }
    }

    private static readonly (double X, double Y)[] SubPixels = [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)];

    // (u, v): offset from the centre in radii, v pointing down.
    private static bool Inside(DemoShape shape, double u, double v) => shape switch
    {
        DemoShape.Circle => u * u + v * v <= 1,
        DemoShape.Square => Math.Abs(u) <= 0.85 && Math.Abs(v) <= 0.85,
        _ => v >= -1 && v <= 0.8 && Math.Abs(u) <= (v + 1) / 1.8,
    };

    private static byte Blend(byte under, byte over, double alpha) => (byte)Math.Round(under + (over - under) * alpha);
}
