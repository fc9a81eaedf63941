// The PyTorch reference (the oracle of the parity tests) runs its own self-checks as part of the suite.
using System.Diagnostics;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class ReferenceSelfCheckTests
{
    [TestMethod]
    public void PythonReferencePassesItsSelfChecks()
    {
        var script = Path.Combine(PyTorchOracle.RepositoryRoot, "reference", "test_reference.py");
        var info = new ProcessStartInfo(PyTorchOracle.Python, script) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{script} failed:\n{stdout.Result}\n{stderr}");
        StringAssert.Contains(stderr, "OK");
    }
}
