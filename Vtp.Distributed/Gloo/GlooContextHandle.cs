using System.Runtime.InteropServices;

namespace Vtp.Distributed;

/// <summary>
/// Owns a vtp_gloo_context; freed once, also from the finalizer. While a collective holds a lease, freeing waits for
/// it (SafeHandle reference counting), so a Dispose on another thread never frees a context in use.
/// </summary>
internal sealed class GlooContextHandle : SafeHandle
{
    private readonly GlooExports exports;

    public GlooContextHandle(IntPtr context, GlooExports exports) : base(IntPtr.Zero, ownsHandle: true)
    {
        this.exports = exports;
        SetHandle(context);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Runs <paramref name="call"/> on the raw context, keeping it alive meanwhile.</summary>
    /// <exception cref="ObjectDisposedException">The context was freed.</exception>
    public int Use(Func<IntPtr, int> call)
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            return call(handle);
        }
        finally
        {
            if (added) DangerousRelease();
        }
    }

    protected override unsafe bool ReleaseHandle()
    {
        exports.ContextFree(handle);
        return true;
    }
}
