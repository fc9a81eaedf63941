namespace Vtp.Samples.DemoData;

/// <summary>Sizes and straight-line motion of demo objects, in pixels of a square frame of side <c>frameSize</c>.</summary>
public static class DemoMotion
{
    /// <summary>Half the object's extent: 12% (small) or 20% (large) of the frame.</summary>
    public static double Radius(DemoSize size, int frameSize) => (size == DemoSize.Small ? 0.12 : 0.20) * frameSize;

    /// <summary>Distance covered from first to last frame: a quarter (slowly) or half (quickly) of the frame.</summary>
    public static double Travel(DemoSpeed speed, int frameSize) => (speed == DemoSpeed.Slowly ? 0.25 : 0.5) * frameSize;

    /// <summary>Centre of <paramref name="o"/> in frame <paramref name="frame"/> of <paramref name="frames"/>, starting at <paramref name="start"/>.</summary>
    public static (double X, double Y) Position(DemoObject o, (double X, double Y) start, int frame, int frames, int frameSize)
    {
        var step = Travel(o.Speed, frameSize) * frame / Math.Max(1, frames - 1);
        return o.Direction switch
        {
            DemoDirection.Left => (start.X - step, start.Y),
            DemoDirection.Right => (start.X + step, start.Y),
            DemoDirection.Up => (start.X, start.Y - step),
            _ => (start.X, start.Y + step),
        };
    }

    /// <summary>A random start from which the object stays wholly inside the frame for the whole clip.</summary>
    public static (double X, double Y) RandomStart(DemoObject o, int frameSize, Random random)
    {
        var r = Radius(o.Size, frameSize);
        var travel = Travel(o.Speed, frameSize);
        double Uniform(double low, double high) => low + (high - low) * random.NextDouble();
        var across = Uniform(r, frameSize - r);
        return o.Direction switch
        {
            DemoDirection.Left => (Uniform(r + travel, frameSize - r), across),
            DemoDirection.Right => (Uniform(r, frameSize - r - travel), across),
            DemoDirection.Up => (across, Uniform(r + travel, frameSize - r)),
            _ => (across, Uniform(r, frameSize - r - travel)),
        };
    }

    /// <summary>True when the two objects' boxes keep at least one pixel apart in every frame.</summary>
    public static bool StayApart(
        DemoObject a, (double X, double Y) startA, DemoObject b, (double X, double Y) startB, int frames, int frameSize)
    {
        var gap = Radius(a.Size, frameSize) + Radius(b.Size, frameSize) + 1;
        for (var f = 0; f < frames; f++)
        {
            var (ax, ay) = Position(a, startA, f, frames, frameSize);
            var (bx, by) = Position(b, startB, f, frames, frameSize);
            if (Math.Abs(ax - bx) < gap && Math.Abs(ay - by) < gap)
            {
                return false;
            }
        }

        return true;
    }
}
