using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Vtp.Text;

/// <summary>Collects the finished rows of a batch (ids and token types), then lays them out as padded <c>[B, L]</c> arrays.</summary>
internal sealed class EncodedRows
{
    private readonly List<int> _ids = new(1024);
    private readonly List<int> _typeIds = new(1024);
    private readonly List<int> _rowStarts;

    public EncodedRows(int batchSize)
    {
        _rowStarts = new List<int>(batchSize + 1) { 0 };
    }

    /// <summary>Adds one row: its ids, special tokens included, and a token type per id.</summary>
    public void Add(IReadOnlyList<int> ids, IReadOnlyList<int> typeIds)
    {
        _ids.AddRange(ids);
        _typeIds.AddRange(typeIds);
        _rowStarts.Add(_ids.Count);
    }

    /// <summary>The rows padded with <paramref name="padId"/> (mask 0, type 0) to the longest row.</summary>
    public TokenizedBatch ToBatch(int padId)
    {
        int batchSize = _rowStarts.Count - 1;
        int length = 0;
        for (int row = 0; row < batchSize; row++)
        {
            length = Math.Max(length, _rowStarts[row + 1] - _rowStarts[row]);
        }

        var inputIds = new long[batchSize * length];
        var attentionMask = new long[batchSize * length];
        var tokenTypeIds = new long[batchSize * length];
        if (padId != 0)
        {
            Array.Fill(inputIds, padId);
        }

        for (int row = 0; row < batchSize; row++)
        {
            int start = _rowStarts[row];
            int count = _rowStarts[row + 1] - start;
            TensorPrimitives.ConvertChecked<int, long>(CollectionsMarshal.AsSpan(_ids).Slice(start, count), inputIds.AsSpan(row * length, count));
            TensorPrimitives.ConvertChecked<int, long>(CollectionsMarshal.AsSpan(_typeIds).Slice(start, count), tokenTypeIds.AsSpan(row * length, count));
            attentionMask.AsSpan(row * length, count).Fill(1);
        }

        return new TokenizedBatch(inputIds, attentionMask, tokenTypeIds, batchSize, length);
    }
}
