// Registers the search for libVtpTorchNative.so (Vtp.Native.NativeLibrarySearch) before the first P/Invoke.
using System.Runtime.CompilerServices;
using Vtp.Native;

namespace TorchSharp.Native;

internal static class NativeLibraryLoader
{
    internal const string LibraryName = "VtpTorchNative";

    // The resolver must be in place before the first P/Invoke, whichever type the caller touches first.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() =>
        NativeLibrarySearch.Register(typeof(NativeLibraryLoader).Assembly, LibraryName, "Run scripts/bootstrap to build it");
#pragma warning restore CA2255
}
