using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Spectre.Console;
using Vtp.Samples.Cli;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp info</c>: versions, threads, the BLAS libtorch really calls, libtorch and CUDA, ffmpeg.</summary>
internal static class InfoCommand
{
    /// <summary>What <c>vtp info</c> reports.</summary>
    public sealed record Report(
        string Vtp, string Dotnet, string Os, int Processors, string Libtorch, int TorchThreads, int TorchInteropThreads, bool Cuda,
        int CudaDevices, IReadOnlyList<string> BlasLibraries, string Blas, IReadOnlyDictionary<string, string> ThreadVariables, string Ffmpeg,
        string Ffprobe);

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("info", "Show versions, thread settings, the BLAS library libtorch uses, the libtorch version, CUDA and ffmpeg");
        runner.Handle(command, (_, io) =>
        {
            var report = Collect();
            return io.Result(report, () => Print(io, report));
        }, "vtp info", "vtp info --json");
        return command;
    }

    private static Report Collect()
    {
        var blas = LoadedBlas();
        string[] variables = ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_WAIT_POLICY"];
        return new Report(
            typeof(InfoCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, Environment.ProcessorCount, __version__,
            get_num_threads(), get_num_interop_threads(), cuda.is_available(), cuda.device_count(), blas, DescribeBlas(blas),
            variables.Where(v => Environment.GetEnvironmentVariable(v) is not null).ToDictionary(v => v, v => Environment.GetEnvironmentVariable(v)!),
            ToolVersion(FfmpegTools.Ffmpeg), ToolVersion(FfmpegTools.Ffprobe));
    }

    // libtorch loads its BLAS lazily: run a matmul, then list the mapped files whose names say BLAS.
    private static IReadOnlyList<string> LoadedBlas()
    {
        using (var a = randn(64, 64))
        using (var product = a.matmul(a)) { }
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return [];
        return File.ReadLines(maps).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6).Select(fields => string.Join(' ', fields[5..]))
            .Where(path => Path.GetFileName(path).Contains("blas", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
    }

    private static string DescribeBlas(IReadOnlyList<string> libraries)
    {
        if (libraries.Count == 0) return "none found in /proc/self/maps (libtorch may use its own kernels)";
        if (libraries.Any(l => l.Contains("openblas", StringComparison.OrdinalIgnoreCase))) return "OpenBLAS";
        if (libraries.Any(l => l.Contains("/blas/", StringComparison.Ordinal)))
            return "reference BLAS (about 37x slower than OpenBLAS: run scripts/bootstrap as root, or see docs/dependencies.md)";
        return "unrecognised";
    }

    private static string ToolVersion(string tool)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, "-version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var first = process.StandardOutput.ReadLine() ?? "";
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return first;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"not found ('{tool}'; install ffmpeg or set VTP_FFMPEG / VTP_FFPROBE)";
        }
    }

    private static void Print(CommandIO io, Report r)
    {
        var table = new Table().HideHeaders().AddColumns("", "");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("vtp", r.Vtp);
        Row(".NET", r.Dotnet);
        Row("OS", r.Os);
        Row("processors", $"{r.Processors}");
        Row("libtorch", $"{r.Libtorch} ({r.TorchThreads} intra-op threads, {r.TorchInteropThreads} inter-op threads)");
        Row("CUDA", r.Cuda ? $"available ({r.CudaDevices} devices)" : "not available (CPU)");
        Row("BLAS", r.BlasLibraries.Count == 0 ? r.Blas : $"{r.Blas}: {string.Join(", ", r.BlasLibraries)}");
        Row("thread variables", r.ThreadVariables.Count == 0 ? "none set" : string.Join(", ", r.ThreadVariables.Select(kv => $"{kv.Key}={kv.Value}")));
        Row("ffmpeg", r.Ffmpeg);
        Row("ffprobe", r.Ffprobe);
        io.Out.Write(table);
    }
}
