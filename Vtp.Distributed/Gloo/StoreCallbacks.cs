// The rendezvous store as seen from libVtpGloo: static callbacks that native code calls with a GCHandle of the
// RendezvousStore as user data. No exception leaves a callback: a failure becomes status 1 and a message, which
// native code turns into a gloo exception (and so into the failure of vtp_gloo_context_new).
using System.Runtime.InteropServices;
using System.Text;

namespace Vtp.Distributed;

internal static unsafe class StoreCallbacks
{
    /// <summary>The callbacks for <paramref name="store"/>; valid while <paramref name="handle"/> (of the store) is allocated.</summary>
    public static NativeStore For(GCHandle handle) => new()
    {
        User = GCHandle.ToIntPtr(handle),
        Set = &Set,
        Get = &Get,
        Wait = &Wait,
    };

    [UnmanagedCallersOnly]
    private static int Set(IntPtr user, byte* key, byte* value, long length, byte* error, long capacity)
    {
        try
        {
            Store(user).Set(Text(key), new ReadOnlySpan<byte>(value, checked((int)length)));
            return 0;
        }
        catch (Exception e)
        {
            return Fail(e, error, capacity);
        }
    }

    [UnmanagedCallersOnly]
    private static int Get(IntPtr user, byte* key, delegate* unmanaged<IntPtr, byte*, long, void> sink, IntPtr sinkArgument,
        byte* error, long capacity)
    {
        try
        {
            var value = Store(user).Get(Text(key));
            fixed (byte* bytes = value) sink(sinkArgument, bytes, value.Length);
            return 0;
        }
        catch (Exception e)
        {
            return Fail(e, error, capacity);
        }
    }

    [UnmanagedCallersOnly]
    private static int Wait(IntPtr user, byte** keys, int count, long timeoutMs, byte* error, long capacity)
    {
        try
        {
            var names = new string[count];
            for (var i = 0; i < count; i++) names[i] = Text(keys[i]);
            Store(user).Wait(names, TimeSpan.FromMilliseconds(timeoutMs));
            return 0;
        }
        catch (Exception e)
        {
            return Fail(e, error, capacity);
        }
    }

    private static RendezvousStore Store(IntPtr user) => (RendezvousStore)GCHandle.FromIntPtr(user).Target!;

    private static string Text(byte* utf8) => Marshal.PtrToStringUTF8((IntPtr)utf8) ?? "";

    // Writes the message, cut to fit and NUL-terminated, for native code to rethrow.
    private static int Fail(Exception e, byte* error, long capacity)
    {
        if (capacity > 0)
        {
            var bytes = Encoding.UTF8.GetBytes(e.Message);
            var length = (int)Math.Min(bytes.Length, capacity - 1);
            bytes.AsSpan(0, length).CopyTo(new Span<byte>(error, length));
            error[length] = 0;
        }
        return 1;
    }
}
