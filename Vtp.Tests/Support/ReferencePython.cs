// Runs Debian's python3 (PyTorchOracle.Python) in the repository root: the reference scripts and snippets that write fixtures.
using System.Diagnostics;

namespace Vtp.Tests.Support;

internal static class ReferencePython
{
    /// <summary>Runs reference/<paramref name="script"/> with <paramref name="arguments"/> and returns what it printed.</summary>
    public static string Script(string script, params string[] arguments) =>
        Run([Path.Combine(PyTorchOracle.RepositoryRoot, "reference", script), .. arguments]);

    /// <summary>Runs python with <paramref name="arguments"/> and returns what it printed; a failure throws with its stderr.</summary>
    public static string Run(params string[] arguments)
    {
        var info = new ProcessStartInfo(PyTorchOracle.Python)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = PyTorchOracle.RepositoryRoot,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"python {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}{stdout}");
        return stdout;
    }
}
