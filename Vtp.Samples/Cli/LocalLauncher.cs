using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Vtp.Samples.Cli;

/// <summary>
/// <c>--nproc N</c>: runs N copies of this very vtp command as local worker processes, ranks 0..N-1 meeting on
/// 127.0.0.1, and waits for them. Each worker gets the variables torchrun sets (RANK, LOCAL_RANK = RANK, WORLD_SIZE,
/// MASTER_ADDR, MASTER_PORT), so that on CUDA each takes its own GPU. Rank 0's output is the command's output; the
/// other ranks' stdout is dropped and their stderr kept for the error report. When a worker fails, the others fail too
/// (their next collective sees the dead peer, or the timeout passes); whatever still runs after the timeout is killed.
/// Ctrl+C in a terminal reaches every worker (one process group), and they stop after the same step.
/// </summary>
internal static class LocalLauncher
{
    private const int KeptErrorLines = 20;

    /// <summary>Runs the workers; returns rank 0's exit code, or the first failing worker's.</summary>
    /// <param name="io">Where rank 0's output goes and what reports failures.</param>
    /// <param name="args">The command's arguments without --nproc.</param>
    /// <param name="count">Workers to start.</param>
    /// <param name="port">Rendezvous port, or null for a free one.</param>
    /// <param name="timeout">How long the others may take to stop after one fails.</param>
    public static int Run(CommandIO io, IReadOnlyList<string> args, int count, int? port, TimeSpan timeout)
    {
        var (program, prefix) = Self();
        var masterPort = port ?? FreePort();
        var workers = Enumerable.Range(0, count).Select(rank => Worker.Start(program, [.. prefix, .. args],
            new() { ["RANK"] = $"{rank}", ["LOCAL_RANK"] = $"{rank}", ["WORLD_SIZE"] = $"{count}", ["MASTER_ADDR"] = "127.0.0.1", ["MASTER_PORT"] = $"{masterPort}" },
            rank, io)).ToList();
        try
        {
            return Wait(io, workers, timeout);
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    private static int Wait(CommandIO io, List<Worker> workers, TimeSpan timeout)
    {
        Worker? failed = null;
        var deadline = DateTime.MaxValue;
        while (workers.Any(w => !w.Process.HasExited))
        {
            failed ??= workers.FirstOrDefault(w => w.Process.HasExited && w.Process.ExitCode != ExitCodes.Ok);
            if (failed != null && deadline == DateTime.MaxValue) deadline = DateTime.UtcNow + timeout + TimeSpan.FromSeconds(10);
            if (DateTime.UtcNow > deadline)
                foreach (var worker in workers.Where(w => !w.Process.HasExited)) worker.Process.Kill(entireProcessTree: true);
            Thread.Sleep(100);
        }
        foreach (var worker in workers) worker.Process.WaitForExit();                       // drains the output pumps
        failed ??= workers.FirstOrDefault(w => w.Process.ExitCode != ExitCodes.Ok);
        if (failed is null) return ExitCodes.Ok;
        if (failed.Rank != 0)
        {
            io.WriteRawErrorLine($"worker rank {failed.Rank} exited with code {failed.Process.ExitCode}; its last error lines:");
            foreach (var line in failed.ErrorTail) io.WriteRawErrorLine($"  [rank {failed.Rank}] {line}");
        }
        return failed.Process.ExitCode;
    }

    // The way this process was started: the vtp apphost, or dotnet with vtp.dll.
    private static (string Program, string[] Prefix) Self()
    {
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (entry is null || !Path.GetFileNameWithoutExtension(entry).Equals("vtp", StringComparison.Ordinal))
            throw new CliException(ExitCodes.Usage, "--nproc starts copies of the vtp program, but this process is not vtp.",
                "Run the vtp command line (./vtp or dotnet vtp.dll), or start the ranks yourself with --rank/--world-size.");
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? (host, [entry]) : (host, []);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Worker : IDisposable
    {
        private readonly Queue<string> errorTail = new();

        private Worker(Process process, int rank) => (Process, Rank) = (process, rank);

        public Process Process { get; }
        public int Rank { get; }

        public IReadOnlyList<string> ErrorTail
        {
            get
            {
                lock (errorTail) return [.. errorTail];
            }
        }

        public static Worker Start(string program, IReadOnlyList<string> args, Dictionary<string, string> environment, int rank, CommandIO io)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            foreach (var (name, value) in environment) info.Environment[name] = value;
            var worker = new Worker(new Process { StartInfo = info }, rank);
            worker.Process.OutputDataReceived += (_, e) =>
            {
                if (rank == 0 && e.Data is { } line) io.WriteRawLine(line);
            };
            worker.Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not { } line) return;
                if (rank == 0) io.WriteRawErrorLine(line);
                else worker.Keep(line);
            };
            worker.Process.Start();
            worker.Process.BeginOutputReadLine();
            worker.Process.BeginErrorReadLine();
            return worker;
        }

        private void Keep(string line)
        {
            lock (errorTail)
            {
                errorTail.Enqueue(line);
                if (errorTail.Count > KeptErrorLines) errorTail.Dequeue();
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
