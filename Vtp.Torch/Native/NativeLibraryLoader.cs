// Finds libVtpTorchNative.so: next to this assembly (copied there by the build), in $VTP_NATIVE_DIR, or in the
// source tree's native/build folder (for tools run from a checkout).
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TorchSharp.Native;

internal static class NativeLibraryLoader
{
    internal const string LibraryName = "VtpTorchNative";
    private const string FileName = "libVtpTorchNative.so";

    // The resolver must be in place before the first P/Invoke, whichever type the caller touches first.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
#pragma warning restore CA2255

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return IntPtr.Zero;
        foreach (var candidate in Candidates())
            if (File.Exists(candidate)) return NativeLibrary.Load(candidate);
        throw new DllNotFoundException(
            $"{FileName} was not found (looked in: {string.Join(", ", Candidates())}). Run scripts/bootstrap to build it, " +
            "or set VTP_NATIVE_DIR to the folder that holds it.");
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("VTP_NATIVE_DIR");
        if (!string.IsNullOrEmpty(env)) yield return Path.Combine(env, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (; dir != null; dir = dir.Parent)
        {
            var inTree = Path.Combine(dir.FullName, "Vtp.Torch", "native", "build", FileName);
            if (File.Exists(inTree)) { yield return inTree; yield break; }
        }
    }
}
