// One ncclComm_t, which a watchdog thread may abort while the owner's collective is blocked.
namespace Vtp.Distributed;

internal sealed unsafe class NcclComm(NcclExports exports, IntPtr handle)
{
    private const int InProgress = 7;  // ncclInProgress: not an error
    private readonly object gate = new();
    private IntPtr handle = handle;
    private string? closed;            // why the communicator is gone, once it is

    /// <summary>The live ncclComm_t.</summary>
    /// <exception cref="InvalidOperationException">It was aborted or destroyed; the message says why.</exception>
    public IntPtr Handle
    {
        get
        {
            lock (gate) return handle != IntPtr.Zero ? handle : throw new InvalidOperationException($"The NCCL communicator is unusable: {closed}.");
        }
    }

    /// <summary>NCCL's text for <paramref name="result"/> on this communicator.</summary>
    public string Describe(int result)
    {
        lock (gate) return exports.Describe(result, handle);
    }

    /// <summary>The error NCCL has recorded on the communicator in the background (a peer gone, a network failure), or null.</summary>
    public string? AsyncError()
    {
        lock (gate)
        {
            if (handle == IntPtr.Zero) return null;
            int error;
            var result = exports.CommGetAsyncError(handle, &error);
            if (result != 0) return exports.Describe(result, handle);
            return error is 0 or InProgress ? null : exports.Describe(error, handle);
        }
    }

    /// <summary>ncclCommAbort: ends the communicator at once, making its pending work on the GPU return; no-op once closed.</summary>
    public void Abort(string reason) => Close(reason, abort: true);

    /// <summary>ncclCommDestroy after the work is done; no-op once closed.</summary>
    public void Destroy() => Close("it was disposed", abort: false);

    private void Close(string reason, bool abort)
    {
        lock (gate)
        {
            if (handle == IntPtr.Zero) return;
            _ = abort ? exports.CommAbort(handle) : exports.CommDestroy(handle);     // nothing left to do on failure
            handle = IntPtr.Zero;
            closed = reason;
        }
    }
}
