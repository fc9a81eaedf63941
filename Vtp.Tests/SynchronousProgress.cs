// An IProgress that reports on the caller's thread, in order (Progress<T> posts to the thread pool).
namespace Vtp.Tests;

internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
