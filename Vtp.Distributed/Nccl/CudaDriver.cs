// Makes a CUDA device current on the calling thread through the CUDA driver API (libcuda.so.1, installed with the
// NVIDIA driver).
//
// ncclCommInitRank binds the communicator to the thread's current device, and TorchSharp 0.107 cannot set it
// (torch.cuda has no set_device; libtorch's own device guards restore the previous device after each operation).
// The CUDA runtime takes the driver's current context as its current device, so making the device's primary context
// current (what cudaSetDevice does) is enough for NCCL and for libtorch, which share that primary context. The
// context is retained for the life of the process, as the CUDA runtime does.
using System.Runtime.InteropServices;
using Vtp.Native;

namespace Vtp.Distributed;

internal static unsafe class CudaDriver
{
    private const string FileName = "libcuda.so.1";

    private static readonly Lazy<IntPtr> library = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes CUDA device <paramref name="device"/> (an ordinal) current on this thread.</summary>
    /// <exception cref="DllNotFoundException">libcuda.so.1 (the NVIDIA driver) does not load.</exception>
    /// <exception cref="InvalidOperationException">A driver call failed; the message names it and the driver's error.</exception>
    public static void MakeCurrent(int device)
    {
        var handle = library.Value;
        Check(((delegate* unmanaged<uint, int>)Export(handle, "cuInit"))(0), "cuInit", device);
        int ordinal;
        Check(((delegate* unmanaged<int*, int, int>)Export(handle, "cuDeviceGet"))(&ordinal, device), "cuDeviceGet", device);
        IntPtr context;
        Check(((delegate* unmanaged<IntPtr*, int, int>)Export(handle, "cuDevicePrimaryCtxRetain"))(&context, ordinal), "cuDevicePrimaryCtxRetain", device);
        Check(((delegate* unmanaged<IntPtr, int>)Export(handle, "cuCtxSetCurrent"))(context), "cuCtxSetCurrent", device);
    }

    private static void Check(int result, string call, int device)
    {
        if (result == 0) return;
        IntPtr text;
        var known = ((delegate* unmanaged<int, IntPtr*, int>)Export(library.Value, "cuGetErrorString"))(result, &text) == 0;
        throw new InvalidOperationException($"{call} failed for cuda:{device}: {(known ? Marshal.PtrToStringUTF8(text) : $"CUresult {result}")}");
    }

    private static IntPtr Export(IntPtr handle, string name) => NativeLibrary.GetExport(handle, name);

    private static IntPtr Load()
    {
        var handle = Dl.Open(FileName, Dl.Now | Dl.Local);
        return handle != IntPtr.Zero ? handle
            : throw new DllNotFoundException($"{FileName} (the NVIDIA driver's CUDA library) did not load: {Dl.Error}. Install the NVIDIA driver.");
    }
}
