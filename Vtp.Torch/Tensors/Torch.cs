// torch: error checking, threads, seeds, grad mode, the CUDA probe and the libtorch version.
using System.Runtime.InteropServices;
using System.Text;
using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Throws the pending native error, if any, as an <see cref="ExternalException"/> carrying libtorch's message.</summary>
    public static unsafe void CheckForErrors()
    {
        Span<byte> buffer = stackalloc byte[2048];
        long length;
        fixed (byte* p = buffer) length = NativeMethods.vtp_take_error(p, buffer.Length);
        if (length < 0) return;
        var text = Encoding.UTF8.GetString(buffer[..(int)Math.Min(length, buffer.Length - 1)]);
        throw new ExternalException(text);
    }

    /// <summary>Returns a handle a native call produced, or throws the native error when it is NULL.</summary>
    internal static IntPtr Check(IntPtr handle)
    {
        if (handle == IntPtr.Zero) CheckForErrors();
        return handle;
    }

    /// <summary>Throws the native error when a void native call reported failure (-1).</summary>
    internal static void Check(int status)
    {
        if (status != 0) CheckForErrors();
    }

    public static void set_num_threads(int num) => NativeMethods.vtp_set_num_threads(num);
    public static int get_num_threads() => NativeMethods.vtp_get_num_threads();
    public static void set_num_interop_threads(int num) => Check(NativeMethods.vtp_set_num_interop_threads(num));
    public static int get_num_interop_threads() => NativeMethods.vtp_get_num_interop_threads();

    /// <summary>Seeds the default generators (CPU, and CUDA when present) and returns the default CPU generator.</summary>
    public static Generator manual_seed(long seed)
    {
        Check(NativeMethods.vtp_manual_seed(seed));
        return Generator.Default;
    }

    public static bool is_grad_enabled() => NativeMethods.vtp_is_grad_enabled();

    /// <summary>Sets gradient recording on this thread; disposing the returned scope restores the previous mode.</summary>
    public static IDisposable set_grad_enabled(bool mode = true) => new GradModeScope(mode);

    /// <summary>Disables gradient recording on this thread until the returned scope is disposed.</summary>
    public static IDisposable no_grad() => new GradModeScope(false);

    /// <summary>Enables gradient recording on this thread until the returned scope is disposed.</summary>
    public static IDisposable enable_grad(bool enabled = true) => new GradModeScope(enabled);

    /// <summary>Opens a dispose scope on this thread: tensors created until it is disposed are disposed with it.</summary>
    public static DisposeScope NewDisposeScope() => DisposeScopeManager.NewScope();

    /// <summary>The libtorch version the native shim was built against, e.g. "1.13.0".</summary>
    public static string __version__ => Marshal.PtrToStringUTF8(NativeMethods.vtp_torch_version()) ?? "";

    private sealed class GradModeScope : IDisposable
    {
        private readonly bool previous = is_grad_enabled();
        private bool disposed;

        public GradModeScope(bool enabled) => NativeMethods.vtp_set_grad_enabled(enabled);

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            NativeMethods.vtp_set_grad_enabled(previous);
        }
    }

    public static class cuda
    {
        public static bool is_available() => NativeMethods.vtp_cuda_is_available();
        public static int device_count() => is_available() ? NativeMethods.vtp_cuda_device_count() : 0;
        public static void manual_seed(long seed) => torch.manual_seed(seed);
        public static void manual_seed_all(long seed) => torch.manual_seed(seed);
    }
}
