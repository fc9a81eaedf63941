using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Vtp.Text;

/// <summary>
/// Collects the rows of a batch as they are encoded (truncating each and adding [CLS]/[SEP]), then lays them out
/// as padded <c>[B, L]</c> arrays.
/// </summary>
internal sealed class EncodedRows
{
    private readonly List<int> _ids = new(1024);
    private readonly List<int> _rowStarts;
    private readonly List<int> _secondSegmentStarts;

    public EncodedRows(int batchSize)
    {
        _rowStarts = new List<int>(batchSize + 1) { 0 };
        _secondSegmentStarts = new List<int>(batchSize);
    }

    /// <summary>
    /// Adds one row from its WordPiece ids: the first <paramref name="firstCount"/> ids are segment a, the rest
    /// segment b when <paramref name="isPair"/>. The segments are truncated to <paramref name="budget"/> ids in all.
    /// </summary>
    public void Add(List<int> pieceIds, int firstCount, bool isPair, int budget, BertSpecialTokens special)
    {
        int rowStart = _ids.Count;
        ReadOnlySpan<int> pieces = CollectionsMarshal.AsSpan(pieceIds);
        int secondCount = pieces.Length - firstCount;
        (int keepFirst, int keepSecond) = isPair
            ? PairTruncation.Lengths(firstCount, secondCount, budget)
            : (Math.Min(firstCount, budget), 0);

        _ids.Add(special.Classifier);
        _ids.AddRange(pieces[..keepFirst]);
        _ids.Add(special.Separator);
        int secondStart = _ids.Count - rowStart;
        if (isPair)
        {
            _ids.AddRange(pieces.Slice(firstCount, keepSecond));
            _ids.Add(special.Separator);
        }

        _secondSegmentStarts.Add(secondStart);
        _rowStarts.Add(_ids.Count);
    }

    /// <summary>The rows padded with <paramref name="padId"/> to the longest row.</summary>
    public TokenizedBatch ToBatch(int padId)
    {
        int batchSize = _secondSegmentStarts.Count;
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

        ReadOnlySpan<int> allIds = CollectionsMarshal.AsSpan(_ids);
        for (int row = 0; row < batchSize; row++)
        {
            int start = _rowStarts[row];
            int count = _rowStarts[row + 1] - start;
            TensorPrimitives.ConvertChecked<int, long>(allIds.Slice(start, count), inputIds.AsSpan(row * length, count));

            attentionMask.AsSpan(row * length, count).Fill(1);
            tokenTypeIds.AsSpan(row * length + _secondSegmentStarts[row], count - _secondSegmentStarts[row]).Fill(1);
        }

        return new TokenizedBatch(inputIds, attentionMask, tokenTypeIds, batchSize, length);
    }
}
