// Debian's python3 with numpy as the independent reader and writer of .npy files.
using System.Diagnostics;
using Vtp.Tests.Support;

namespace Vtp.Tests.Samples;

internal static class NumpyOracle
{
    /// <summary>Runs a Python script with numpy imported as np and returns its stdout; fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] args)
    {
        var info = new ProcessStartInfo(PyTorchOracle.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import json, sys\nimport numpy as np\n" + script);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"python failed: {stderr.Result}");
        return stdout;
    }
}
