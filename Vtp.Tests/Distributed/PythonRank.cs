// A PyTorch process (Debian's python3-torch) that joins the same gloo group as the test: the interoperability oracle.
using System.Diagnostics;
using Vtp.Tests.Torch;

namespace Vtp.Tests.Distributed;

internal sealed class PythonRank : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    /// <summary>Starts Vtp.Tests/Distributed/python_rank.py with a scenario (see the script) as one rank of the group on <paramref name="port"/>.</summary>
    public PythonRank(string scenario, int port, int rank, int worldSize)
    {
        var script = Path.Combine(PyTorchOracle.RepositoryRoot, "Vtp.Tests", "Distributed", "python_rank.py");
        var info = new ProcessStartInfo(PyTorchOracle.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { script, scenario, port.ToString(), rank.ToString(), worldSize.ToString() },
        };
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["GLOO_SOCKET_IFNAME"] = "lo";  // bind to loopback, as the C# ranks do for a loopback master
        process = Process.Start(info)!;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Waits for the process to exit and returns its exit code and standard output.</summary>
    public (int ExitCode, string Output) Finish()
    {
        if (!process.WaitForExit(TimeSpan.FromSeconds(3 * RankThreads.TimeoutSeconds)))
            Assert.Fail($"the Python rank did not exit; stderr: {StandardErrorSoFar()}");
        return (process.ExitCode, stdout.Result);
    }

    public string StandardErrorSoFar() => stderr.IsCompleted ? stderr.Result : "(still running)";

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }
}
