// Finds libVtpDistributedNative.so: in $VTP_NATIVE_DIR, next to this assembly (copied there by the build), or in the
// source tree's Vtp.Torch/native/build folder (for tools run from a checkout).
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vtp.Distributed.Native;

internal static class NativeLibraryLoader
{
    internal const string LibraryName = "VtpDistributedNative";
    private const string FileName = "libVtpDistributedNative.so";

    // The resolver must be in place before the first P/Invoke of this assembly.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
#pragma warning restore CA2255

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return IntPtr.Zero;
        var candidates = Candidates().ToList();
        var found = candidates.FirstOrDefault(File.Exists);
        return found != null
            ? NativeLibrary.Load(found)
            : throw new DllNotFoundException(
                $"{FileName} was not found (looked in: {string.Join(", ", candidates)}). Run scripts/bootstrap to build it " +
                "(it needs libgloo-dev), or set VTP_NATIVE_DIR to the folder that holds it.");
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("VTP_NATIVE_DIR");
        if (!string.IsNullOrEmpty(env)) yield return Path.Combine(env, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory).Parent; dir != null; dir = dir.Parent)
        {
            var inTree = Path.Combine(dir.FullName, "Vtp.Torch", "native", "build", FileName);
            if (File.Exists(inTree)) { yield return inTree; yield break; }
        }
    }
}
