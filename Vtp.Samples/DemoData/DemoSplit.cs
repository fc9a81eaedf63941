namespace Vtp.Samples.DemoData;

/// <summary>
/// Chooses the colour-shape-direction triples that only the test split shows, such that every pair of attributes
/// (colour-shape, colour-direction, shape-direction) still occurs in some training triple: the test then asks for
/// new combinations of known pairs.
/// </summary>
public static class DemoSplit
{
    /// <summary>Draws <paramref name="count"/> held-out triples in a seeded order, skipping any whose removal would lose a pair.</summary>
    /// <exception cref="ArgumentException">Not that many triples can be held out while keeping every pair in training.</exception>
    public static IReadOnlyList<DemoTriple> ChooseHeldOut(int count, Random random)
    {
        var candidates = DemoTriple.All.ToArray();
        random.Shuffle(candidates);
        var training = DemoTriple.All.ToHashSet();
        var heldOut = new List<DemoTriple>();
        foreach (var triple in candidates)
        {
            if (heldOut.Count == count)
            {
                break;
            }

            training.Remove(triple);
            if (PairsCovered(training, triple))
            {
                heldOut.Add(triple);
            }
            else
            {
                training.Add(triple);
            }
        }

        return heldOut.Count == count
            ? heldOut
            : throw new ArgumentException(
                $"Only {heldOut.Count} of the requested {count} triples can be held out while every attribute pair stays in training.");
    }

    /// <summary>True when the three attribute pairs of <paramref name="triple"/> each occur in some triple of <paramref name="training"/>.</summary>
    public static bool PairsCovered(IReadOnlyCollection<DemoTriple> training, DemoTriple triple) =>
        training.Any(t => t.Colour == triple.Colour && t.Shape == triple.Shape)
        && training.Any(t => t.Colour == triple.Colour && t.Direction == triple.Direction)
        && training.Any(t => t.Shape == triple.Shape && t.Direction == triple.Direction);
}
