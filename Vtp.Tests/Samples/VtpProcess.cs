// Runs the built vtp (the vtp.dll copied next to the tests) as its own process in a given folder.
using System.Diagnostics;

namespace Vtp.Tests.Samples;

internal static class VtpProcess
{
    /// <summary>Runs <c>dotnet vtp.dll args</c> in <paramref name="workingDirectory"/>; kills it (and its children) after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"vtp {string.Join(' ', args)} ran past {timeout}; stderr so far:\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts <c>dotnet vtp.dll args</c> in <paramref name="workingDirectory"/> with stdout and stderr redirected (the
    /// caller reads them) and <paramref name="environment"/> added to its variables.</summary>
    public static Process Start(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vtp.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return Process.Start(info)!;
    }
}
