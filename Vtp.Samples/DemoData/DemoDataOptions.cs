namespace Vtp.Samples.DemoData;

/// <summary>Options of <see cref="DemoDataGenerator"/>.</summary>
public sealed class DemoDataOptions
{
    /// <summary>Folder that receives train.csv, test.csv and videos/ (created if missing).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Training clips. Default: 480.</summary>
    public int TrainClips { get; init; } = 480;

    /// <summary>Test clips. Default: 120.</summary>
    public int TestClips { get; init; } = 120;

    /// <summary>Frames per clip. Default: 16.</summary>
    public int Frames { get; init; } = 16;

    /// <summary>Frame side in pixels (square frames; must be even for yuv420p). Default: 64.</summary>
    public int Size { get; init; } = 64;

    /// <summary>Frame rate written into the files. Default: 8.</summary>
    public double FrameRate { get; init; } = 8;

    /// <summary>Colour-shape-direction triples seen only in test clips (of 72). Default: 14.</summary>
    public int HeldOutTriples { get; init; } = 14;

    /// <summary>Probability that a clip shows two objects (also how captions stay distinct). Default: 0.5.</summary>
    public double TwoObjectFraction { get; init; } = 0.5;

    /// <summary>Seed of the split, the captions and the positions. Default: 0.</summary>
    public int Seed { get; init; }

    /// <summary>Clips rendered and encoded at once. Default: the number of processors.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (TrainClips < 0 || TestClips < 0 || TrainClips + TestClips == 0)
        {
            throw new ArgumentException($"Clip counts must be non-negative and not both 0, got {TrainClips} train and {TestClips} test.");
        }

        if (Frames < 2 || Size < 16 || Size % 2 != 0 || FrameRate <= 0 || Parallelism < 1)
        {
            throw new ArgumentException(
                $"Need Frames >= 2, an even Size >= 16, FrameRate > 0 and Parallelism >= 1; got {Frames}, {Size}, {FrameRate}, {Parallelism}.");
        }

        if (TwoObjectFraction is < 0 or > 1 || HeldOutTriples < 1 || HeldOutTriples >= DemoTriple.All.Count)
        {
            throw new ArgumentException(
                $"Need TwoObjectFraction in [0, 1] and HeldOutTriples in [1, {DemoTriple.All.Count - 1}]; got {TwoObjectFraction} and {HeldOutTriples}.");
        }
    }
}
