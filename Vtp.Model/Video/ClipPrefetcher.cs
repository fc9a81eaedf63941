namespace Vtp.Video;

/// <summary>
/// One epoch of <see cref="VideoLoader"/>: worker threads claim positions of the epoch order in sequence and decode
/// them; the consumer takes positions in sequence. A semaphore caps clips that are claimed but not yet taken, which
/// bounds memory and cannot deadlock (the position the consumer waits for is always claimed already or next).
/// Disposing cancels the workers (killing their ffmpeg processes) and joins them.
/// </summary>
internal sealed class ClipPrefetcher : IDisposable
{
    private readonly int[] _order;
    private readonly Func<int, CancellationToken, VideoClip> _read;
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<int, TaskCompletionSource<(VideoClip? Clip, Exception? Error)>> _results = [];
    private readonly Thread[] _workers;
    private int _nextClaim;

    public ClipPrefetcher(
        int[] order, int workers, int capacity,
        Func<int, CancellationToken, VideoClip> read, CancellationToken cancellationToken)
    {
        _order = order;
        _read = read;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _slots = new SemaphoreSlim(capacity, capacity);
        _workers = new Thread[Math.Min(workers, Math.Max(1, order.Length))];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"vtp-video-loader-{i}" };
            _workers[i].Start();
        }
    }

    /// <summary>Waits for the clip at <paramref name="position"/>; returns it, or the error its sample raised.</summary>
    public (VideoClip? Clip, Exception? Error) Take(int position)
    {
        _stop.Token.ThrowIfCancellationRequested();
        var result = Slot(position).Task;
        result.Wait(_stop.Token);

        lock (_results)
        {
            _results.Remove(position);
        }

        _slots.Release();
        return result.Result;
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _stop.Dispose();
        _slots.Dispose();
    }

    private void Work()
    {
        var token = _stop.Token;
        try
        {
            while (true)
            {
                _slots.Wait(token);
                var position = Interlocked.Increment(ref _nextClaim) - 1;
                if (position >= _order.Length)
                {
                    return;
                }

                (VideoClip?, Exception?) outcome;
                try
                {
                    outcome = (_read(_order[position], token), null);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    outcome = (null, e);
                }

                Slot(position).SetResult(outcome);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped while waiting for a free slot.
        }
    }

    private TaskCompletionSource<(VideoClip? Clip, Exception? Error)> Slot(int position)
    {
        lock (_results)
        {
            if (!_results.TryGetValue(position, out var slot))
            {
                slot = new TaskCompletionSource<(VideoClip?, Exception?)>(TaskCreationOptions.RunContinuationsAsynchronously);
                _results[position] = slot;
            }

            return slot;
        }
    }
}
