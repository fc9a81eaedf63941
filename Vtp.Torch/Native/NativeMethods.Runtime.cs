// P/Invoke declarations for native/src/runtime.cpp, malloc_policy.cpp and cpu_block_cache.cpp.
using System.Runtime.InteropServices;

namespace TorchSharp.Native;

internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    [LibraryImport(Lib)] internal static partial long vtp_take_error(byte* buffer, long capacity);
    [LibraryImport(Lib)] internal static partial void vtp_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int vtp_get_num_threads();
    [LibraryImport(Lib)] internal static partial int vtp_set_num_interop_threads(int n);
    [LibraryImport(Lib)] internal static partial int vtp_get_num_interop_threads();
    [LibraryImport(Lib)] internal static partial int vtp_manual_seed(long seed);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_is_grad_enabled();
    [LibraryImport(Lib)] internal static partial void vtp_set_grad_enabled([MarshalAs(UnmanagedType.U1)] bool enabled);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int vtp_cuda_device_count();
    [LibraryImport(Lib)] internal static partial IntPtr vtp_torch_version();

    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_malloc_retains();
    [LibraryImport(Lib)] internal static partial int vtp_cpu_cache_set_capacity(long bytes);
    [LibraryImport(Lib)] internal static partial long vtp_cpu_cache_bytes();
    [LibraryImport(Lib)] internal static partial long vtp_cpu_cache_release();

    [LibraryImport(Lib)] internal static partial IntPtr vtp_generator_new(long seed);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_generator_default();
    [LibraryImport(Lib)] internal static partial void vtp_generator_free(IntPtr g);
    [LibraryImport(Lib)] internal static partial int vtp_generator_manual_seed(IntPtr g, long seed);
    [LibraryImport(Lib)] internal static partial long vtp_generator_initial_seed(IntPtr g);
    [LibraryImport(Lib)] internal static partial long vtp_generator_seed(IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_generator_get_state(IntPtr g);
    [LibraryImport(Lib)] internal static partial int vtp_generator_set_state(IntPtr g, IntPtr state);
}
