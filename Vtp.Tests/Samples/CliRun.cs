// Runs the vtp command line in-process (VtpCli.Run with string writers) and checks its conventions: exit codes, one
// error line with a hint, JSON on stdout.
using System.Text.Json;
using Vtp.Samples.Cli;

namespace Vtp.Tests.Samples;

/// <summary>The outcome of one vtp invocation.</summary>
internal sealed record CliRun(IReadOnlyList<string> Args, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs vtp with <paramref name="args"/>.</summary>
    public static CliRun Of(params string[] args) => Of(CancellationToken.None, args);

    /// <summary>Runs vtp with <paramref name="args"/> and a token the test can cancel.</summary>
    public static CliRun Of(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = VtpCli.Run(args, stdout, stderr, cancellationToken);
        return new CliRun(args, code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts exit code 0 and returns this run.</summary>
    public CliRun Ok()
    {
        Assert.AreEqual(ExitCodes.Ok, ExitCode, $"vtp {string.Join(' ', Args)} failed:\n{Stderr}\n{Stdout}");
        return this;
    }

    /// <summary>Stdout parsed as JSON (the run must have used --json).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Asserts the failure conventions: exit code <paramref name="expectedCode"/>, exactly one "error:" line on stderr
    /// containing <paramref name="messagePart"/>, one "hint:" line, and no stack trace.
    /// </summary>
    public CliRun Fails(int expectedCode, string messagePart)
    {
        Assert.AreEqual(expectedCode, ExitCode, $"vtp {string.Join(' ', Args)}:\n{Stderr}\n{Stdout}");
        var lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, errors, Stderr);
        Assert.Contains(messagePart, errors[0], Stderr);
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("hint:", StringComparison.Ordinal)), Stderr);
        Assert.IsFalse(Stderr.Contains("   at ", StringComparison.Ordinal), $"a stack trace without --verbose:\n{Stderr}");
        return this;
    }
}
