// Loads libVtpGloo.so (Vtp.Distributed/native) so that its gloo stays private, and binds its C API.
//
// TorchSharp's libtorch_cpu.so exports a different gloo under the same symbol names. If it is in the global scope
// (loaded RTLD_GLOBAL) before us, a plain dlopen would bind libVtpGloo's gloo calls and, worse, libgloo.so.0's calls
// into itself to libtorch's copy (measured with LD_DEBUG=bindings: 9 of ours and 258 of libgloo's gloo symbols went
// to libtorch_cpu.so). -Bsymbolic on libVtpGloo cannot help with libgloo's own references, and Debian ships no static
// libgloo. dlopen with RTLD_DEEPBIND searches the new library's own dependency tree first, for it and for every library
// loaded with it (libgloo.so.0 included), and RTLD_LOCAL keeps libgloo out of the global scope, so libtorch can never
// bind to it either. This needs libgloo.so.0 not to be loaded already by someone else (it then keeps its scope).
//
// The exports are bound as function pointers from this handle (NativeLibrary.GetExport).
using System.Runtime.InteropServices;
using Vtp.Native;

namespace Vtp.Distributed;

internal static class GlooLibrary
{
    public const string FileName = "libVtpGloo.so";

    private static readonly Lazy<GlooExports> exports = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The C API, loaded on first use.</summary>
    /// <exception cref="DllNotFoundException">libVtpGloo.so is nowhere, or does not load; the message says where it looked or why.</exception>
    public static GlooExports Exports => exports.Value;

    private static GlooExports Load()
    {
        var path = NativeLibrarySearch.Find(FileName, Path.Combine("Vtp.Distributed", "native", "build"),
            "Run scripts/bootstrap to build it (it needs libgloo-dev)");
        var handle = Dl.Open(path, Dl.Now | Dl.Local | Dl.DeepBind);
        if (handle == IntPtr.Zero) throw new DllNotFoundException($"{path} did not load: {Dl.Error}");
        return new GlooExports(handle);
    }
}

/// <summary>The store callbacks handed to vtp_gloo_context_new (vtp_gloo_store in vtp_gloo.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeStore
{
    public IntPtr User;
    public delegate* unmanaged<IntPtr, byte*, byte*, long, byte*, long, int> Set;
    public delegate* unmanaged<IntPtr, byte*, delegate* unmanaged<IntPtr, byte*, long, void>, IntPtr, byte*, long, int> Get;
    public delegate* unmanaged<IntPtr, byte**, int, long, byte*, long, int> Wait;
}

/// <summary>libVtpGloo's exports (vtp_gloo.h); each returns 0 or a status whose message is <see cref="LastError"/>.</summary>
internal sealed unsafe class GlooExports(IntPtr handle)
{
    public readonly delegate* unmanaged<int, int, byte*, long, NativeStore*, IntPtr*, int> ContextNew =
        (delegate* unmanaged<int, int, byte*, long, NativeStore*, IntPtr*, int>)NativeLibrary.GetExport(handle, "vtp_gloo_context_new");
    public readonly delegate* unmanaged<IntPtr, void> ContextFree =
        (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(handle, "vtp_gloo_context_free");
    public readonly delegate* unmanaged<IntPtr, IntPtr, long, int, int, int> AllReduce =
        (delegate* unmanaged<IntPtr, IntPtr, long, int, int, int>)NativeLibrary.GetExport(handle, "vtp_gloo_all_reduce");
    public readonly delegate* unmanaged<IntPtr, IntPtr, long, int, int, int> Broadcast =
        (delegate* unmanaged<IntPtr, IntPtr, long, int, int, int>)NativeLibrary.GetExport(handle, "vtp_gloo_broadcast");
    public readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr, long, int, int> AllGather =
        (delegate* unmanaged<IntPtr, IntPtr, IntPtr, long, int, int>)NativeLibrary.GetExport(handle, "vtp_gloo_all_gather");
    public readonly delegate* unmanaged<IntPtr, int> Barrier =
        (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(handle, "vtp_gloo_barrier");
    private readonly delegate* unmanaged<IntPtr> lastError =
        (delegate* unmanaged<IntPtr>)NativeLibrary.GetExport(handle, "vtp_gloo_last_error");
    private readonly delegate* unmanaged<IntPtr> provider =
        (delegate* unmanaged<IntPtr>)NativeLibrary.GetExport(handle, "vtp_gloo_provider");

    /// <summary>This thread's last failure message.</summary>
    public string LastError => Marshal.PtrToStringUTF8(lastError()) ?? "";

    /// <summary>The file providing the gloo code libVtpGloo calls.</summary>
    public string Provider => Marshal.PtrToStringUTF8(provider()) ?? "";
}
