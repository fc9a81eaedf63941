// Returning freed native memory to the operating system.
using System.Runtime.InteropServices;

namespace Vtp.Runtime;

public static partial class NativeMemory
{
    /// <summary>
    /// Hands glibc's free heap back to the OS (malloc_trim): freed tensor memory otherwise stays in the process for the
    /// next step. Call it after large phases.
    /// </summary>
    /// <returns>True when memory was released.</returns>
    public static bool Trim() => OperatingSystem.IsLinux() && malloc_trim(0) != 0;

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int malloc_trim(nuint pad);
}
