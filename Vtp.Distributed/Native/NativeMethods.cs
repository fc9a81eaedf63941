// P/Invoke declarations for Vtp.Torch/native/distributed/*.cpp. Tensors cross as at::Tensor* handles (Tensor.Handle).
using System.Runtime.InteropServices;

namespace Vtp.Distributed.Native;

internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    [LibraryImport(Lib)] internal static partial long vtp_dist_take_error(byte* buffer, long capacity);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool vtp_dist_has_nccl();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial GroupHandle vtp_dist_group_new(string backend, string address, int port, int rank, int worldSize, long timeoutMs,
        [MarshalAs(UnmanagedType.U1)] bool checkShapes);
    [LibraryImport(Lib)] internal static partial void vtp_dist_group_free(IntPtr group);
    [LibraryImport(Lib)] internal static partial int vtp_dist_all_reduce(GroupHandle group, IntPtr tensor, int op);
    [LibraryImport(Lib)] internal static partial int vtp_dist_broadcast(GroupHandle group, IntPtr tensor, int root);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_dist_all_gather(GroupHandle group, IntPtr tensor);
    [LibraryImport(Lib)] internal static partial IntPtr vtp_dist_all_gather_with_gradient(GroupHandle group, IntPtr tensor);
    [LibraryImport(Lib)] internal static partial int vtp_dist_barrier(GroupHandle group);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vtp_dist_store_set(GroupHandle group, string key, byte* value, long length);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long vtp_dist_store_get(GroupHandle group, string key, byte* value, long capacity);

    [LibraryImport(Lib)]
    internal static partial ReducerHandle vtp_dist_reducer_new(GroupHandle group, IntPtr* parameters, long count, long bucketBytes,
        [MarshalAs(UnmanagedType.U1)] bool findUnused);
    [LibraryImport(Lib)] internal static partial void vtp_dist_reducer_free(IntPtr reducer);
    [LibraryImport(Lib)] internal static partial long vtp_dist_reducer_bucket_count(ReducerHandle reducer);
    [LibraryImport(Lib)]
    internal static partial int vtp_dist_reducer_backward(ReducerHandle reducer, IntPtr loss, [MarshalAs(UnmanagedType.U1)] bool synchronize);
    [LibraryImport(Lib)] internal static partial int vtp_dist_broadcast_coalesced(GroupHandle group, IntPtr* tensors, long count, int root);

    /// <summary>Takes the pending native error message (empty when there is none).</summary>
    internal static string TakeError()
    {
        var buffer = new byte[16 * 1024];  // c10d messages (e.g. the unused-parameter report) can be long
        long length;
        fixed (byte* p = buffer) length = vtp_dist_take_error(p, buffer.Length);
        return length < 0 ? "" : System.Text.Encoding.UTF8.GetString(buffer, 0, (int)Math.Min(length, buffer.Length - 1));
    }
}

/// <summary>Owns a native process group (store + backend); freed once, also from the finalizer.</summary>
internal sealed class GroupHandle : SafeHandle
{
    public GroupHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { NativeMethods.vtp_dist_group_free(handle); return true; }
}

/// <summary>Owns a native gradient reducer; freed once, also from the finalizer.</summary>
internal sealed class ReducerHandle : SafeHandle
{
    public ReducerHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { NativeMethods.vtp_dist_reducer_free(handle); return true; }
}
