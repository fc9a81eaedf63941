// The child process of GlooPrivacyTests: loads TorchSharp's libtorch_cpu.so into the global symbol scope first, then
// uses libVtpGloo, and prints what it saw (one "name: value" per line).
using System.Runtime.InteropServices;
using Vtp.Distributed;

namespace Vtp.Tests.Distributed;

internal static partial class GlooPrivacyChild
{
    public const string Verb = "gloo-privacy-child";

    /// <summary>Mode "communicator": libVtpGloo loaded by GlooCommunicator, then a 2-rank all-reduce.
    /// Mode "plain-dlopen" (the control): libVtpGloo loaded with dlopen(RTLD_NOW | RTLD_LOCAL), without RTLD_DEEPBIND.</summary>
    public static int Run(string[] args)
    {
        if (args is not [var mode, var libtorch]) return Usage();
        if (DlOpen(libtorch, RtldNow | RtldGlobal) == IntPtr.Zero) return Fail($"libtorch: {Marshal.PtrToStringUTF8(DlError())}");
        Console.WriteLine($"global gloo: {Provider(DlSym(IntPtr.Zero, CreateDevice))}");
        switch (mode)
        {
            case "communicator":
                var sums = RankThreads.Run(2, GlooCommunicator.Join, c =>
                {
                    float[] data = [1 * (c.Rank + 1), 2 * (c.Rank + 1), 3 * (c.Rank + 1)];
                    c.AllReduce<float>(data);
                    return string.Join(",", data);
                });
                Console.WriteLine($"sums: {string.Join(" ", sums)}");
                Console.WriteLine($"provider: {GlooCommunicator.GlooLibraryFile}");
                return 0;
            case "plain-dlopen":
                var library = DlOpen(Path.Combine(AppContext.BaseDirectory, "libVtpGloo.so"), RtldNow);
                if (library == IntPtr.Zero) return Fail($"libVtpGloo: {Marshal.PtrToStringUTF8(DlError())}");
                unsafe
                {
                    var provider = (delegate* unmanaged<IntPtr>)DlSym(library, "vtp_gloo_provider");
                    Console.WriteLine($"provider: {Marshal.PtrToStringUTF8(provider())}");
                }
                return 0;
            default:
                return Usage();
        }
    }

    // gloo::transport::tcp::CreateDevice(gloo::transport::tcp::attr const&), exported by libgloo and libtorch_cpu alike.
    private const string CreateDevice = "_ZN4gloo9transport3tcp12CreateDeviceERKNS1_4attrE";
    private const int RtldNow = 0x2, RtldGlobal = 0x100;

    private static string Provider(IntPtr address) =>
        address != IntPtr.Zero && DlAddr(address, out var info) != 0 ? Marshal.PtrToStringUTF8(info.FileName) ?? "" : "(none)";

    private static int Usage() => Fail($"usage: {Verb} communicator|plain-dlopen <path of libtorch_cpu.so>");

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public IntPtr FileName, FileBase, SymbolName, SymbolAddress;
    }

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr DlOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dlsym", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr DlSym(IntPtr handle, string name);

    [LibraryImport("libc", EntryPoint = "dlerror")]
    private static partial IntPtr DlError();

    [LibraryImport("libc", EntryPoint = "dladdr")]
    private static partial int DlAddr(IntPtr address, out DlInfo info);
}
