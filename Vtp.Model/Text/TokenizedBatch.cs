namespace Vtp.Text;

/// <summary>
/// A batch of tokenised captions, padded to its longest row. Every array is row-major <c>[B, L]</c>
/// (<see cref="BatchSize"/> rows of <see cref="Length"/> entries), int64 as the model's embedding lookup expects.
/// Equality is by reference for the arrays, as for any record holding arrays.
/// </summary>
public sealed record TokenizedBatch
{
    /// <summary>Wraps arrays of <paramref name="batchSize"/> x <paramref name="length"/> entries each.</summary>
    /// <exception cref="ArgumentException">An array does not hold exactly batchSize x length entries.</exception>
    public TokenizedBatch(long[] inputIds, long[] attentionMask, long[] tokenTypeIds, int batchSize, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long expected = (long)batchSize * length;
        CheckSize(inputIds, expected, nameof(inputIds), batchSize, length);
        CheckSize(attentionMask, expected, nameof(attentionMask), batchSize, length);
        CheckSize(tokenTypeIds, expected, nameof(tokenTypeIds), batchSize, length);
        InputIds = inputIds;
        AttentionMask = attentionMask;
        TokenTypeIds = tokenTypeIds;
        BatchSize = batchSize;
        Length = length;
    }

    /// <summary>Token ids <c>[B, L]</c>: <c>[CLS] a [SEP]</c> or <c>[CLS] a [SEP] b [SEP]</c>, then <c>[PAD]</c> ids.</summary>
    public long[] InputIds { get; }

    /// <summary><c>[B, L]</c>: 1 for a real token (special tokens included), 0 for padding.</summary>
    public long[] AttentionMask { get; }

    /// <summary><c>[B, L]</c>: 0 for the first segment and its <c>[CLS]</c>/<c>[SEP]</c>, 1 for the second segment and its <c>[SEP]</c>, 0 for padding.</summary>
    public long[] TokenTypeIds { get; }

    /// <summary>Number of rows, B.</summary>
    public int BatchSize { get; }

    /// <summary>Row length, L: the longest row of the batch.</summary>
    public int Length { get; }

    /// <summary>The input ids of row <paramref name="row"/>, padding included.</summary>
    public ReadOnlySpan<long> InputIdsRow(int row) => RowOf(InputIds, row);

    /// <summary>The attention mask of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<long> AttentionMaskRow(int row) => RowOf(AttentionMask, row);

    private ReadOnlySpan<long> RowOf(long[] values, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, BatchSize);
        return values.AsSpan(row * Length, Length);
    }

    private static void CheckSize(long[] values, long expected, string name, int batchSize, int length)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != expected)
        {
            throw new ArgumentException(
                $"{name} has {values.Length} entries; expected batch size {batchSize} x length {length} = {expected}.", name);
        }
    }
}
