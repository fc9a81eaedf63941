// Batched, read-ahead computation of a cursor's computed columns.
using System.Runtime.ExceptionServices;
using Microsoft.ML;

namespace Vtp.MLNet;

/// <summary>
/// Computes the active computed columns of one cursor a batch of rows at a time. It reads the inputs through its own
/// cursor over the input (opened on first use, with only the columns it needs), and while the consumer works through
/// one batch it already computes the next one on a worker thread (decoding ahead). Disposing cancels that work
/// (stopping its ffmpeg processes) and waits for it. A failed batch (an unreadable video) fails every later read of
/// the cursor with the same exception, since its rows can no longer be lined up with the input.
/// </summary>
internal sealed class BatchPipeline(IDataView input, ComputedColumnsMapper mapper, IReadOnlyList<ComputedColumn> active) : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private DataViewRowCursor? lookahead;
    private InputReader? reader;
    private Task<Batch>? pending;
    private Batch? current;
    private ExceptionDispatchInfo? failure;
    private bool disposed;

    /// <summary>The computed values of the row at the position <paramref name="position"/> returns.</summary>
    public IComputedValues At(Func<long> position) => new Values(this, position);

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        stop.Cancel();
        try { pending?.Wait(); }
        catch (AggregateException) { /* cancelled or failed read-ahead nobody asked for */ }
        lookahead?.Dispose();
        stop.Dispose();
    }

    private float[] Get(int column, long position)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        failure?.Throw();
        if (position < 0) throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");
        while (current is null || position >= current.Start + current.Count)
        {
            if (current is { Count: var count } && count < mapper.BatchSize)
                throw new InvalidOperationException($"Row {position} is past the end of the input.");
            current = Next();
        }
        var values = current.Values[column] ?? throw new InvalidOperationException(
            $"Column '{mapper.Columns[column].Name}' was not requested when the cursor was opened.");
        return values[position - current.Start];
    }

    private Batch Next()
    {
        var task = pending ?? Start();
        pending = null;
        Batch batch;
        try { batch = task.GetAwaiter().GetResult(); }
        catch (Exception error)
        {
            failure = ExceptionDispatchInfo.Capture(error);
            throw;
        }
        if (batch.Count == mapper.BatchSize) pending = Start();
        return batch;
    }

    private Task<Batch> Start() => Task.Factory.StartNew(ReadAndCompute, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private Batch ReadAndCompute()
    {
        if (lookahead is null)
        {
            lookahead = input.GetRowCursor(mapper.InputsOf(active).ToList());
            reader = mapper.Binding.Reader(lookahead, active.Any(c => c.ReadsVideo), active.Any(c => c.ReadsCaption));
        }
        var rows = new List<InputValues>(mapper.BatchSize);
        long start = -1;
        while (rows.Count < mapper.BatchSize && lookahead.MoveNext())
        {
            if (start < 0) start = lookahead.Position;
            rows.Add(reader!.Read());
        }
        float[][]?[] values = new float[mapper.Columns.Count][][];
        if (rows.Count > 0)
            foreach (var column in active) values[IndexOf(column)] = column.Compute(rows, stop.Token);
        return new Batch(start, rows.Count, values);
    }

    private int IndexOf(ComputedColumn column)
    {
        for (int i = 0; i < mapper.Columns.Count; i++)
            if (ReferenceEquals(mapper.Columns[i], column)) return i;
        throw new ArgumentException($"Column '{column.Name}' does not belong to this transformer.", nameof(column));
    }

    /// <summary>Computed values of rows [Start, Start + Count); Values[column] is null for inactive columns.</summary>
    private sealed record Batch(long Start, int Count, float[][]?[] Values);

    private sealed class Values(BatchPipeline pipeline, Func<long> position) : IComputedValues
    {
        public float[] Get(int column) => pipeline.Get(column, position());
    }
}
