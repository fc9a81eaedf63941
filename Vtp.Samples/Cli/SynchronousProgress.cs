namespace Vtp.Samples.Cli;

/// <summary>Reports on the reporting thread, in order (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
