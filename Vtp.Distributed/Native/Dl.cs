// glibc's dlopen and dlerror, for loads that NativeLibrary cannot express (RTLD_DEEPBIND, RTLD_NOLOAD).
using System.Runtime.InteropServices;

namespace Vtp.Native;

internal static partial class Dl
{
    public const int Now = 0x2, Local = 0x0, NoLoad = 0x4, DeepBind = 0x8;

    /// <summary>dlopen(<paramref name="path"/>, <paramref name="flags"/>): the handle, or zero (see <see cref="Error"/>).</summary>
    // glibc 2.34+ has dlopen in libc.so.6 (the runtime maps "libc" to it).
    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr Open(string path, int flags);

    /// <summary>Why the last dlopen on this thread failed.</summary>
    public static string Error => Marshal.PtrToStringUTF8(DlError()) ?? "no error reported";

    [LibraryImport("libc", EntryPoint = "dlerror")]
    private static partial IntPtr DlError();
}
