// Runs the built vtp (the vtp.dll copied next to the tests) as its own process in a given folder.
using System.Diagnostics;

namespace Vtp.Tests.Samples;

internal static class VtpProcess
{
    /// <summary>Runs <c>dotnet vtp.dll args</c> in <paramref name="workingDirectory"/>; kills it (and its children) after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vtp.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
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
}
