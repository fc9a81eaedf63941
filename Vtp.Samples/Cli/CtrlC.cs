namespace Vtp.Samples.Cli;

/// <summary>
/// Turns the first Ctrl+C into a cancelled token (training stops within its step and checkpoints), and lets a second
/// Ctrl+C end the process at once.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource source = new();

    public CtrlC() => Console.CancelKeyPress += OnCancelKeyPress;

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => source.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (source.IsCancellationRequested) return;
        e.Cancel = true;
        Console.Error.WriteLine("Stopping after the current step (Ctrl+C again to quit at once)...");
        source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        source.Dispose();
    }
}
