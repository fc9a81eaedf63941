using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Spectre.Console;
using Vtp.Samples.Cli;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp info</c>: versions (TorchSharp, libtorch), threads, the BLAS libtorch really calls, CUDA, ffmpeg.</summary>
internal static class InfoCommand
{
    /// <summary>What <c>vtp info</c> reports.</summary>
    public sealed record Report(
        string Vtp, string Dotnet, string Os, int Processors, string TorchSharp, string Libtorch, int TorchThreads, int TorchInteropThreads, bool Cuda,
        int CudaDevices, IReadOnlyList<string> BlasLibraries, string Blas, IReadOnlyDictionary<string, string> ThreadVariables, string Ffmpeg,
        string Ffprobe);

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("info", "Show versions (TorchSharp, libtorch), thread settings, the BLAS library libtorch uses, CUDA and ffmpeg");
        runner.Handle(command, (_, io) =>
        {
            var report = Collect();
            return io.Result(report, () => Print(io, report));
        }, "vtp info", "vtp info --json");
        return command;
    }

    private static Report Collect()
    {
        var libraries = LoadedLibraries();
        var blas = libraries.Where(path => Path.GetFileName(path).Contains("blas", StringComparison.OrdinalIgnoreCase)).ToList();
        string[] variables = ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_WAIT_POLICY"];
        return new Report(
            typeof(InfoCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, Environment.ProcessorCount,
            typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
            __version__, get_num_threads(), get_num_interop_threads(), cuda.is_available(), cuda.device_count(), blas, DescribeBlas(blas, libraries),
            variables.Where(v => Environment.GetEnvironmentVariable(v) is not null).ToDictionary(v => v, v => Environment.GetEnvironmentVariable(v)!),
            ToolVersion(FfmpegTools.Ffmpeg), ToolVersion(FfmpegTools.Ffprobe));
    }

    // libtorch may load a BLAS lazily: run a matmul, then list the files mapped into the process.
    private static IReadOnlyList<string> LoadedLibraries()
    {
        using (var a = randn(64, 64))
        using (var product = a.matmul(a)) { }
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return [];
        return File.ReadLines(maps).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6).Select(fields => string.Join(' ', fields[5..])).Distinct().ToList();
    }

    // TorchSharp's libtorch packages link Intel's MKL into libtorch_cpu.so, where no file name shows it; its own
    // MKL_Get_Version_String (exported there) names it.
    private static string DescribeBlas(IReadOnlyList<string> blas, IReadOnlyList<string> libraries)
    {
        if (blas.Any(l => l.Contains("openblas", StringComparison.OrdinalIgnoreCase))) return "OpenBLAS";
        if (blas.Any(l => l.Contains("/blas/", StringComparison.Ordinal))) return "reference BLAS (slow)";
        if (blas.Count > 0) return "unrecognised";
        var torchCpu = libraries.FirstOrDefault(l => Path.GetFileName(l) == "libtorch_cpu.so");
        return torchCpu is not null && MklVersion(torchCpu) is { } mkl
            ? $"{mkl}, linked into {torchCpu}"
            : "none found in /proc/self/maps (libtorch may use its own kernels)";
    }

    private static unsafe string? MklVersion(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle) || !NativeLibrary.TryGetExport(handle, "MKL_Get_Version_String", out var export))
            return null;
        var buffer = stackalloc byte[256];
        ((delegate* unmanaged<byte*, int, void>)export)(buffer, 256);
        return Marshal.PtrToStringAnsi((IntPtr)buffer)?.Trim();
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
        Row("TorchSharp", r.TorchSharp);
        Row("libtorch", $"{r.Libtorch} ({r.TorchThreads} intra-op threads, {r.TorchInteropThreads} inter-op threads)");
        Row("CUDA", r.Cuda ? $"available ({r.CudaDevices} devices)" : "not available (CPU)");
        Row("BLAS", r.BlasLibraries.Count == 0 ? r.Blas : $"{r.Blas}: {string.Join(", ", r.BlasLibraries)}");
        Row("thread variables", r.ThreadVariables.Count == 0 ? "none set" : string.Join(", ", r.ThreadVariables.Select(kv => $"{kv.Key}={kv.Value}")));
        Row("ffmpeg", r.Ffmpeg);
        Row("ffprobe", r.Ffprobe);
        io.Out.Write(table);
    }
}
