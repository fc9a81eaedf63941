// Finds one of Vtp's native libraries: in $VTP_NATIVE_DIR, next to the assembly (copied there by the build), or in the
// source tree's build folder (for tools run from a checkout). This file is compiled into each assembly that loads one
// (Vtp.Torch, Vtp.Distributed), so Vtp.Distributed needs no Vtp.Torch beside the real TorchSharp.
using System.Reflection;
using System.Runtime.InteropServices;

namespace Vtp.Native;

internal static class NativeLibrarySearch
{
    /// <summary>The build folder of Vtp.Torch/native (libVtpTorchNative, libVtpDistributedNative).</summary>
    public static readonly string TorchBuildFolder = Path.Combine("Vtp.Torch", "native", "build");

    /// <summary>Resolves P/Invokes of <paramref name="assembly"/> to <paramref name="libraryName"/> through the search;
    /// <paramref name="buildHint"/> ends the error when the file is nowhere.</summary>
    public static void Register(Assembly assembly, string libraryName, string buildHint)
    {
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) =>
            name == libraryName ? NativeLibrary.Load(Find($"lib{libraryName}.so", TorchBuildFolder, buildHint)) : IntPtr.Zero);
    }

    /// <summary>The path of <paramref name="fileName"/>, looked for in $VTP_NATIVE_DIR, next to the assembly, then in
    /// <paramref name="treeFolder"/> (relative to the source tree's root) above it.</summary>
    /// <exception cref="DllNotFoundException">Nowhere; the message lists where it looked and ends with <paramref name="buildHint"/>.</exception>
    public static string Find(string fileName, string treeFolder, string buildHint)
    {
        var candidates = Candidates(fileName, treeFolder).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? throw new DllNotFoundException(
            $"{fileName} was not found (looked in: {string.Join(", ", candidates)}). {buildHint}, or set VTP_NATIVE_DIR to the folder that holds it.");
    }

    private static IEnumerable<string> Candidates(string fileName, string treeFolder)
    {
        var env = Environment.GetEnvironmentVariable("VTP_NATIVE_DIR");
        if (!string.IsNullOrEmpty(env)) yield return Path.Combine(env, fileName);
        yield return Path.Combine(AppContext.BaseDirectory, fileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory).Parent; dir != null; dir = dir.Parent)
        {
            var inTree = Path.Combine(dir.FullName, treeFolder, fileName);
            if (File.Exists(inTree)) { yield return inTree; yield break; }
        }
    }
}
