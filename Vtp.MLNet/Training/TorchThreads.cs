// A scoped libtorch thread count: set for a Fit, restored afterwards.
using static TorchSharp.torch;

namespace Vtp.MLNet;

internal sealed class TorchThreads : IDisposable
{
    private readonly int? previous;

    /// <summary>Sets libtorch's intra-op threads to <paramref name="threads"/> (null: leaves them as they are).</summary>
    public TorchThreads(int? threads)
    {
        if (threads is not { } count) return;
        previous = get_num_threads();
        set_num_threads(count);
    }

    public void Dispose()
    {
        if (previous is { } count) set_num_threads(count);
    }
}
