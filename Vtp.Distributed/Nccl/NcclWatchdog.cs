// Bounds one NCCL collective: NCCL itself waits for a dead or silent peer forever.
namespace Vtp.Distributed;

/// <summary>
/// While a collective runs, polls the communicator for an error NCCL recorded in the background and aborts it
/// (<see cref="NcclComm.Abort"/>) on such an error or once <c>timeout</c> has passed; the abort makes the blocked
/// collective return. <see cref="Stop"/> ends the watch and says why it aborted, if it did.
/// </summary>
internal sealed class NcclWatchdog : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly NcclComm comm;
    private readonly TimeSpan timeout;
    private readonly long start = Environment.TickCount64;
    private readonly object gate = new();
    private readonly Timer timer;
    private bool stopped;
    private string? aborted;

    public NcclWatchdog(NcclComm comm, TimeSpan timeout)
    {
        this.comm = comm;
        this.timeout = timeout;
        var period = timeout < Poll ? timeout : Poll;
        timer = new Timer(_ => Check(), null, period, period);
    }

    /// <summary>Ends the watch; returns why the communicator was aborted, or null when it was not.</summary>
    public string? Stop()
    {
        lock (gate)
        {
            stopped = true;
            return aborted;
        }
    }

    private void Check()
    {
        lock (gate)
        {
            if (stopped || aborted != null) return;
            var elapsed = TimeSpan.FromMilliseconds(Environment.TickCount64 - start);
            aborted = comm.AsyncError() is { } error ? $"NCCL reported {error}; the communicator was aborted"
                : elapsed >= timeout ? $"not finished after {RendezvousStore.Describe(timeout)} (a peer died or fell silent); the communicator was aborted"
                : null;
            if (aborted != null) comm.Abort(aborted);
        }
    }

    /// <summary>Stops the timer.</summary>
    public void Dispose()
    {
        Stop();
        timer.Dispose();
    }
}
