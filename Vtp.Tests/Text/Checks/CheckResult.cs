namespace Vtp.Tests.Text.Checks;

/// <summary>What one fixture check compared and where the tokenizer differed from the reference.</summary>
/// <param name="Name">The check's name, as the checker process prints it.</param>
/// <param name="Compared">How many cases (or code points) were compared.</param>
/// <param name="Mismatches">One line per difference; empty when everything matched.</param>
internal sealed record CheckResult(string Name, int Compared, IReadOnlyList<string> Mismatches)
{
    /// <summary>Fails with the first mismatches unless there are none and <paramref name="expectedCount"/> cases were compared.</summary>
    public void AssertPassed(int expectedCount)
    {
        AssertNoMismatches();
        Assert.AreEqual(expectedCount, Compared, $"{Name}: cases compared");
    }

    /// <summary>Fails with the first mismatches unless there are none.</summary>
    public void AssertNoMismatches() =>
        Assert.AreEqual(0, Mismatches.Count, $"{Name}: {Mismatches.Count} mismatches\n{string.Join("\n", Mismatches.Take(20))}");

    /// <summary>The line the checker process prints for this result.</summary>
    public override string ToString() => $"{Name}: {Compared} compared, {Mismatches.Count} mismatches";
}
