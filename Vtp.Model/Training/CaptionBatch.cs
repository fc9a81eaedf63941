// Tokenized captions of a batch as tensors.
using Vtp.Text;
using static TorchSharp.torch;

namespace Vtp.Training;

/// <summary>input_ids and attention_mask [B, L] int64 of a batch of captions, padded to the longest.</summary>
public sealed record CaptionBatch(Tensor InputIds, Tensor AttentionMask) : IDisposable
{
    /// <summary>Tokenizes captions ([CLS] text [SEP], truncated to <paramref name="maxLength"/>) into tensors.</summary>
    public static CaptionBatch Encode(BertTokenizer tokenizer, IReadOnlyList<string> captions, int maxLength)
    {
        if (captions.Count == 0) throw new ArgumentException("A batch needs at least one caption.", nameof(captions));
        var tokens = tokenizer.Encode(captions, maxLength);
        return From(tokens.InputIds, tokens.AttentionMask, tokens.BatchSize, tokens.Length);
    }

    public static CaptionBatch From(long[] inputIds, long[] attentionMask, int batch, int length) =>
        new(tensor(inputIds, [batch, length]), tensor(attentionMask, [batch, length]));

    public void Dispose()
    {
        InputIds.Dispose();
        AttentionMask.Dispose();
    }
}
