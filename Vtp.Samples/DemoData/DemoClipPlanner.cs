namespace Vtp.Samples.DemoData;

/// <summary>
/// Draws the clips of both splits: objects, captions (all distinct) and start positions. Training clips use only
/// training triples; every test clip's first object has a held-out triple.
/// </summary>
internal sealed class DemoClipPlanner(DemoDataOptions options, IReadOnlyCollection<DemoTriple> heldOut, Random random)
{
    private const int MaxTries = 10_000;
    private readonly HashSet<string> _captions = [];
    private readonly DemoTriple[] _training = DemoTriple.All.Except(heldOut).ToArray();
    private readonly DemoTriple[] _heldOut = heldOut.ToArray();

    /// <summary>Plans <paramref name="count"/> clips named <c>videos/{prefix}_NNNN.mp4</c> under <paramref name="folder"/>.</summary>
    public List<DemoClip> Plan(string prefix, int count, bool test, string folder)
    {
        var clips = new List<DemoClip>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, "videos", $"{prefix}_{i:D4}.mp4");
            clips.Add(Draw(path, test));
        }

        return clips;
    }

    private DemoClip Draw(string path, bool test)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var first = RandomObject(test ? _heldOut : _training);
            List<DemoObject> objects = random.NextDouble() < options.TwoObjectFraction
                ? [first, RandomObject(test ? DemoTriple.All : _training)]
                : [first];
            if (objects.Count == 2 && (objects[0].Colour, objects[0].Shape) == (objects[1].Colour, objects[1].Shape))
            {
                continue; // two objects that look alike would make the caption ambiguous
            }

            var caption = DemoCaption.Compose(objects);
            if (_captions.Contains(caption) || TryPlace(objects) is not { } starts)
            {
                continue;
            }

            _captions.Add(caption);
            return new DemoClip(path, caption, objects, starts);
        }

        throw new InvalidOperationException(
            $"Could not draw a new distinct caption after {MaxTries} tries ({_captions.Count} so far); " +
            "ask for fewer clips or a larger TwoObjectFraction.");
    }

    private DemoObject RandomObject(IReadOnlyList<DemoTriple> triples)
    {
        var t = triples[random.Next(triples.Count)];
        return new DemoObject(Pick<DemoSize>(), t.Colour, t.Shape, t.Direction, Pick<DemoSpeed>());
    }

    private T Pick<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[random.Next(values.Length)];
    }

    private List<(double X, double Y)>? TryPlace(List<DemoObject> objects)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var starts = objects.Select(o => DemoMotion.RandomStart(o, options.Size, random)).ToList();
            if (objects.Count == 1
                || DemoMotion.StayApart(objects[0], starts[0], objects[1], starts[1], options.Frames, options.Size))
            {
                return starts;
            }
        }

        return null;
    }
}
