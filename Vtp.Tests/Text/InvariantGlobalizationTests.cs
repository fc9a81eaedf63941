using System.Diagnostics;
using Vtp.Tests.Text.Checks;

namespace Vtp.Tests.Text;

/// <summary>
/// The HF fixture checks again, in a child process started with <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>
/// (the default of many .NET container images, where <see cref="string.Normalize()"/> does nothing): the test
/// assembly run as a program (<see cref="TextCheckProgram"/>).
/// </summary>
[TestClass]
public sealed class InvariantGlobalizationTests
{
    private static readonly Lazy<(int ExitCode, string[] Lines)> s_child = new(RunChecksUnderInvariantGlobalization);

    [TestMethod]
    public void TheChildProcessRunsWithInvariantGlobalizationAndThisOneWithIcu()
    {
        Assert.IsTrue(TextCheckProgram.IcuNormalizes(), "the test host itself should have ICU, or the comparison says nothing");
        CollectionAssert.Contains(s_child.Value.Lines, "invariant globalization: on", Output());
    }

    [TestMethod]
    public void UnicodeCategoriesAreTheSameWithoutIcu()
    {
        CollectionAssert.Contains(s_child.Value.Lines, $"category fingerprint: {TextCheckProgram.CategoryFingerprint()}", Output());
    }

    [TestMethod]
    public void TheTokenizerMatchesHfOnEveryFixtureUnderInvariantGlobalization()
    {
        string[] lines = s_child.Value.Lines;
        CollectionAssert.Contains(lines, "published vectors: 10 compared, 0 mismatches", Output());
        CollectionAssert.Contains(lines, "random captions: 400 compared, 0 mismatches", Output());
        CollectionAssert.Contains(lines, "named cases: 56 compared, 0 mismatches", Output());
        Assert.AreEqual(0, s_child.Value.ExitCode, Output());
    }

    [TestMethod]
    public void EveryCodePointGetsItsHfClassUnderInvariantGlobalization()
    {
        string line = s_child.Value.Lines.Single(l => l.StartsWith("unicode classes: ", StringComparison.Ordinal));
        StringAssert.EndsWith(line, " compared, 0 mismatches", Output());
        int compared = int.Parse(line["unicode classes: ".Length..line.IndexOf(' ', "unicode classes: ".Length)]);
        // Fewer recent casings are left out here than with ICU 72: .NET's own tables know Unicode 16's.
        Assert.IsTrue(compared >= 0x110000 - UnicodeClassCheck.SurrogateCount - 55, line);
    }

    private static string Output() => "checker output:\n" + string.Join("\n", s_child.Value.Lines);

    private static (int ExitCode, string[] Lines) RunChecksUnderInvariantGlobalization()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Vtp.Tests.dll"));
        info.ArgumentList.Add(TextCheckProgram.Command);
        info.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"the checker ran past 3 minutes; output so far:\n{stdout.Result}\n{stderr.Result}");
        }

        return (process.ExitCode, [.. (stdout.Result + stderr.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }
}
