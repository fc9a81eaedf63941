namespace Vtp.Samples.DemoData;

/// <summary>Colour of a demo object.</summary>
public enum DemoColour
{
    /// <summary>Red.</summary>
    Red,

    /// <summary>Green.</summary>
    Green,

    /// <summary>Blue.</summary>
    Blue,

    /// <summary>Yellow.</summary>
    Yellow,

    /// <summary>Purple.</summary>
    Purple,

    /// <summary>White.</summary>
    White,
}

/// <summary>Shape of a demo object.</summary>
public enum DemoShape
{
    /// <summary>A disc.</summary>
    Circle,

    /// <summary>An axis-aligned square.</summary>
    Square,

    /// <summary>A triangle pointing up.</summary>
    Triangle,
}

/// <summary>Size of a demo object.</summary>
public enum DemoSize
{
    /// <summary>Radius 12% of the frame.</summary>
    Small,

    /// <summary>Radius 20% of the frame.</summary>
    Large,
}

/// <summary>Direction a demo object moves in.</summary>
public enum DemoDirection
{
    /// <summary>Towards smaller x.</summary>
    Left,

    /// <summary>Towards larger x.</summary>
    Right,

    /// <summary>Towards smaller y.</summary>
    Up,

    /// <summary>Towards larger y.</summary>
    Down,
}

/// <summary>Speed of a demo object.</summary>
public enum DemoSpeed
{
    /// <summary>Travels a quarter of the frame over the clip.</summary>
    Slowly,

    /// <summary>Travels half of the frame over the clip.</summary>
    Quickly,
}

/// <summary>The attribute combination that the train/test split holds out.</summary>
/// <param name="Colour">Object colour.</param>
/// <param name="Shape">Object shape.</param>
/// <param name="Direction">Motion direction.</param>
public readonly record struct DemoTriple(DemoColour Colour, DemoShape Shape, DemoDirection Direction)
{
    /// <summary>Every colour-shape-direction combination.</summary>
    public static IReadOnlyList<DemoTriple> All { get; } =
        (from c in Enum.GetValues<DemoColour>()
         from s in Enum.GetValues<DemoShape>()
         from d in Enum.GetValues<DemoDirection>()
         select new DemoTriple(c, s, d)).ToArray();
}

/// <summary>One moving object, as its caption describes it.</summary>
/// <param name="Size">Size.</param>
/// <param name="Colour">Colour.</param>
/// <param name="Shape">Shape.</param>
/// <param name="Direction">Direction of motion.</param>
/// <param name="Speed">Speed of motion.</param>
public sealed record DemoObject(DemoSize Size, DemoColour Colour, DemoShape Shape, DemoDirection Direction, DemoSpeed Speed)
{
    /// <summary>The object's colour-shape-direction combination.</summary>
    public DemoTriple Triple => new(Colour, Shape, Direction);
}

/// <summary>One generated clip: its file, caption, objects and their start positions (frame centres in pixels).</summary>
/// <param name="VideoPath">Absolute path of the mp4 file.</param>
/// <param name="Caption">The caption, e.g. "a small red circle moves to the left quickly".</param>
/// <param name="Objects">The objects, in caption order.</param>
/// <param name="Starts">Centre of each object in the first frame, in pixels.</param>
public sealed record DemoClip(string VideoPath, string Caption, IReadOnlyList<DemoObject> Objects, IReadOnlyList<(double X, double Y)> Starts);
