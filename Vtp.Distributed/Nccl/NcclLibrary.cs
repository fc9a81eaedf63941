// Loads NVIDIA's NCCL (libnccl.so.2) and binds the part of its C API the collectives use (nccl.h; see NcclTypes.cs
// for the version followed).
using System.Runtime.InteropServices;
using Vtp.Native;

namespace Vtp.Distributed;

internal static class NcclLibrary
{
    public const string FileName = "libnccl.so.2";

    private static readonly Lazy<NcclExports> exports = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The C API, loaded on first use.</summary>
    /// <exception cref="DllNotFoundException">libnccl.so.2 does not load; the message says why and how to install it.</exception>
    public static NcclExports Exports => exports.Value;

    /// <summary>Loads <paramref name="fileName"/> (the dynamic linker's search: LD_LIBRARY_PATH, the ld.so cache).</summary>
    /// <exception cref="DllNotFoundException">It does not load, or lacks an export; the message names it and the fix.</exception>
    public static NcclExports Load(string fileName)
    {
        var handle = Dl.Open(fileName, Dl.Now | Dl.Local);
        if (handle == IntPtr.Zero)
            throw new DllNotFoundException(
                $"{fileName} (NVIDIA NCCL, the collectives on CUDA tensors) did not load: {Dl.Error}. Install NCCL 2.10 or later: " +
                "on Debian or Ubuntu the package libnccl2 from NVIDIA's CUDA repository (https://developer.download.nvidia.com/compute/cuda/repos/), " +
                "or put the folder that holds libnccl.so.2 on LD_LIBRARY_PATH.");
        try
        {
            return new NcclExports(handle);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new DllNotFoundException($"{fileName} is not a usable NCCL (NCCL 2.10 or later is needed): {e.Message}", e);
        }
    }

    private static NcclExports Load() => Load(FileName);
}

/// <summary>ncclUniqueId: the 128 opaque bytes (NCCL_UNIQUE_ID_BYTES) that rank 0 creates and every rank joins with.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NcclUniqueId
{
    public const int Size = 128;
    public fixed byte Internal[Size];
}

/// <summary>
/// libnccl's exports. Each returns an ncclResult_t (0 is ncclSuccess); the collectives take (buffers, count,
/// ncclDataType_t, ncclRedOp_t or root, comm, cudaStream_t) and only enqueue their work on the stream.
/// </summary>
internal sealed unsafe class NcclExports(IntPtr handle)
{
    public readonly delegate* unmanaged<int*, int> GetVersion =
        (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(handle, "ncclGetVersion");
    public readonly delegate* unmanaged<NcclUniqueId*, int> GetUniqueId =
        (delegate* unmanaged<NcclUniqueId*, int>)NativeLibrary.GetExport(handle, "ncclGetUniqueId");
    public readonly delegate* unmanaged<IntPtr*, int, NcclUniqueId, int, int> CommInitRank =
        (delegate* unmanaged<IntPtr*, int, NcclUniqueId, int, int>)NativeLibrary.GetExport(handle, "ncclCommInitRank");
    public readonly delegate* unmanaged<IntPtr, int> CommDestroy =
        (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(handle, "ncclCommDestroy");
    public readonly delegate* unmanaged<IntPtr, int> CommAbort =
        (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(handle, "ncclCommAbort");
    public readonly delegate* unmanaged<IntPtr, int*, int> CommGetAsyncError =
        (delegate* unmanaged<IntPtr, int*, int>)NativeLibrary.GetExport(handle, "ncclCommGetAsyncError");
    public readonly delegate* unmanaged<IntPtr, IntPtr, nuint, NcclDataType, NcclRedOp, IntPtr, IntPtr, int> AllReduce =
        (delegate* unmanaged<IntPtr, IntPtr, nuint, NcclDataType, NcclRedOp, IntPtr, IntPtr, int>)NativeLibrary.GetExport(handle, "ncclAllReduce");
    public readonly delegate* unmanaged<IntPtr, IntPtr, nuint, NcclDataType, int, IntPtr, IntPtr, int> Broadcast =
        (delegate* unmanaged<IntPtr, IntPtr, nuint, NcclDataType, int, IntPtr, IntPtr, int>)NativeLibrary.GetExport(handle, "ncclBroadcast");
    public readonly delegate* unmanaged<IntPtr, IntPtr, nuint, NcclDataType, IntPtr, IntPtr, int> AllGather =
        (delegate* unmanaged<IntPtr, IntPtr, nuint, NcclDataType, IntPtr, IntPtr, int>)NativeLibrary.GetExport(handle, "ncclAllGather");
    private readonly delegate* unmanaged<int, IntPtr> getErrorString =
        (delegate* unmanaged<int, IntPtr>)NativeLibrary.GetExport(handle, "ncclGetErrorString");
    private readonly delegate* unmanaged<IntPtr, IntPtr> getLastError =                 // NCCL 2.13 and later
        NativeLibrary.TryGetExport(handle, "ncclGetLastError", out var last) ? (delegate* unmanaged<IntPtr, IntPtr>)last : null;

    /// <summary>NCCL's text for <paramref name="result"/>, followed by its last error message when it has one
    /// (<paramref name="comm"/> may be zero).</summary>
    public string Describe(int result, IntPtr comm)
    {
        var text = Marshal.PtrToStringUTF8(getErrorString(result)) ?? $"ncclResult_t {result}";
        var last = getLastError == null ? null : Marshal.PtrToStringUTF8(getLastError(comm));
        return string.IsNullOrWhiteSpace(last) ? text : $"{text}: {last.Trim()}";
    }

    /// <summary>The version of the loaded NCCL, as "2.21.5".</summary>
    public string Version
    {
        get
        {
            int code;
            var result = GetVersion(&code);
            if (result != 0) throw new InvalidOperationException($"ncclGetVersion failed: {Describe(result, IntPtr.Zero)}");
            // NCCL_VERSION(X,Y,Z) is X*1000+Y*100+Z up to 2.8, X*10000+Y*100+Z after.
            return code >= 10000 ? $"{code / 10000}.{code / 100 % 100}.{code % 100}" : $"{code / 1000}.{code / 100 % 10}.{code % 100}";
        }
    }
}
