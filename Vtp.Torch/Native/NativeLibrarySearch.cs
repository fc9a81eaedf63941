// Finds one of Vtp's native libraries: in $VTP_NATIVE_DIR, next to the assembly (copied there by the build), or in the
// source tree's Vtp.Torch/native/build folder (for tools run from a checkout). This file is compiled into each
// assembly that loads one (Vtp.Torch, Vtp.Distributed), so Vtp.Distributed needs no Vtp.Torch beside the real TorchSharp.
using System.Reflection;
using System.Runtime.InteropServices;

namespace Vtp.Native;

internal static class NativeLibrarySearch
{
    /// <summary>Resolves P/Invokes of <paramref name="assembly"/> to <paramref name="libraryName"/> through the search;
    /// <paramref name="buildHint"/> ends the error when the file is nowhere.</summary>
    public static void Register(Assembly assembly, string libraryName, string buildHint)
    {
        var fileName = $"lib{libraryName}.so";
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) =>
        {
            if (name != libraryName) return IntPtr.Zero;
            var candidates = Candidates(fileName).ToList();
            var found = candidates.FirstOrDefault(File.Exists);
            return found != null
                ? NativeLibrary.Load(found)
                : throw new DllNotFoundException(
                    $"{fileName} was not found (looked in: {string.Join(", ", candidates)}). {buildHint}, or set VTP_NATIVE_DIR to the folder that holds it.");
        });
    }

    private static IEnumerable<string> Candidates(string fileName)
    {
        var env = Environment.GetEnvironmentVariable("VTP_NATIVE_DIR");
        if (!string.IsNullOrEmpty(env)) yield return Path.Combine(env, fileName);
        yield return Path.Combine(AppContext.BaseDirectory, fileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory).Parent; dir != null; dir = dir.Parent)
        {
            var inTree = Path.Combine(dir.FullName, "Vtp.Torch", "native", "build", fileName);
            if (File.Exists(inTree)) { yield return inTree; yield break; }
        }
    }
}
