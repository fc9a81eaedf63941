// How the native shim keeps the memory of freed CPU tensors for reuse (native/src/malloc_policy.cpp and
// cpu_block_cache.cpp); docs/benchmarks.md "Native memory" has the measurements behind the defaults.
using TorchSharp.Native;

namespace TorchSharp;

/// <summary>
/// The native memory of CPU tensors. By default the shim sets glibc's thresholds so that freed memory stays in the
/// process for the next training step (<see cref="RetainsFreedHeapMemory"/>); the optional block cache also keeps
/// blocks above 32 MiB and those of worker threads, at the cost of a higher peak (<see cref="CacheCapacity"/>).
/// </summary>
public static class CpuMemory
{
    private static long capacity;

    /// <summary>
    /// True when the shim set glibc's retention thresholds at load time; false with <c>VTP_MALLOC=system</c>, when
    /// the process sets its own <c>MALLOC_*_</c> variables or glibc.malloc tunables, or off glibc.
    /// </summary>
    public static bool RetainsFreedHeapMemory => NativeMethods.vtp_malloc_retains();

    /// <summary>
    /// Bytes of freed tensor blocks (of 128 KiB and more) the block cache keeps for tensors of the same size; 0 (the
    /// default) keeps none. Set it before training; lowering it hands the excess back to the system.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static long CacheCapacity
    {
        get => capacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            torch.Check(NativeMethods.vtp_cpu_cache_set_capacity(value));
            capacity = value;
        }
    }

    /// <summary>Bytes the block cache holds now.</summary>
    public static long CachedBytes => Checked(NativeMethods.vtp_cpu_cache_bytes());

    /// <summary>Hands every cached block back to the system; returns the bytes released.</summary>
    public static long ReleaseCache() => Checked(NativeMethods.vtp_cpu_cache_release());

    private static long Checked(long bytes)
    {
        if (bytes < 0) torch.CheckForErrors();
        return bytes;
    }
}
