// Registers the search for libVtpDistributedNative.so (Vtp.Native.NativeLibrarySearch) before the first P/Invoke.
using System.Runtime.CompilerServices;
using Vtp.Native;

namespace Vtp.Distributed.Native;

internal static class NativeLibraryLoader
{
    internal const string LibraryName = "VtpDistributedNative";

    // The resolver must be in place before the first P/Invoke of this assembly.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() =>
        NativeLibrarySearch.Register(typeof(NativeLibraryLoader).Assembly, LibraryName, "Run scripts/bootstrap to build it (it needs libgloo-dev)");
#pragma warning restore CA2255
}
