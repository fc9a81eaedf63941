namespace Vtp.Text;

/// <summary>
/// SimVTP's text masking for masked language modelling: every eligible token is selected independently with
/// probability <see cref="Probability"/> (a Bernoulli draw), and every selected token becomes <c>[MASK]</c>
/// (no 80/10/10 split; the length is unchanged). Never selected: padding (attention mask 0) and the special
/// tokens [PAD], [UNK], [CLS], [SEP] and [MASK] (the tokenizer's full special set, as SimVTP's special-tokens mask
/// uses it). Labels hold the original id where selected and -100 elsewhere.
/// </summary>
/// <remarks>
/// A row can come out with nothing selected (a short caption at low probability, or one of only special tokens):
/// all its labels are then -100 and the row gives no MLM target, exactly as in SimVTP, which does not force a
/// masked token. If no row of the batch has one, a mean cross-entropy over the selected positions has nothing to
/// average; <see cref="MlmMaskedBatch.MaskedCount"/> says when that happens. Unlike SimVTP, which writes into the
/// caller's <c>input_ids</c>, the caller's arrays are never changed.
/// </remarks>
public sealed class MlmTokenMasker
{
    /// <summary>SimVTP's masking probability in pre-training (hard-coded 0.75 there).</summary>
    public const double DefaultProbability = 0.75;

    /// <summary>The label of positions that carry no MLM target (PyTorch's cross-entropy <c>ignore_index</c>).</summary>
    public const long IgnoreLabel = -100;

    private readonly BertSpecialTokens _special;

    /// <summary>A masker for ids of a vocabulary with the special ids <paramref name="specialTokens"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in [0, 1].</exception>
    public MlmTokenMasker(BertSpecialTokens specialTokens, double probability = DefaultProbability)
    {
        ArgumentNullException.ThrowIfNull(specialTokens);
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, $"Masking probability must be in [0, 1]; got {probability}.");
        }

        _special = specialTokens;
        Probability = probability;
    }

    /// <summary>The probability that an eligible token is selected.</summary>
    public double Probability { get; }

    /// <summary>Masks a tokenised batch, drawing from <paramref name="random"/> (seeded by the caller).</summary>
    public MlmMaskedBatch Mask(TokenizedBatch batch, Random random)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Mask(batch.InputIds, batch.AttentionMask, batch.BatchSize, batch.Length, random);
    }

    /// <summary>
    /// Masks row-major <c>[B, L]</c> ids, drawing from <paramref name="random"/> once per eligible token, row by row.
    /// The same seed and input give the same output.
    /// </summary>
    /// <exception cref="ArgumentException">The spans do not hold <paramref name="batchSize"/> x <paramref name="length"/> entries.</exception>
    public MlmMaskedBatch Mask(ReadOnlySpan<long> inputIds, ReadOnlySpan<long> attentionMask, int batchSize, int length, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Mask(inputIds, attentionMask, batchSize, length, _ => random);
    }

    /// <summary>
    /// Masks a tokenised batch, row i drawing from <paramref name="rowSources"/>[i] alone, so a caption gets the same
    /// masks whatever batch (and padding) it is in.
    /// </summary>
    /// <exception cref="ArgumentException">There is not one source per row.</exception>
    public MlmMaskedBatch Mask(TokenizedBatch batch, IReadOnlyList<Random> rowSources)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (rowSources.Count != batch.BatchSize)
            throw new ArgumentException($"Expected one random source per row ({batch.BatchSize}); got {rowSources.Count}.", nameof(rowSources));
        return Mask(batch.InputIds, batch.AttentionMask, batch.BatchSize, batch.Length, row => rowSources[row]);
    }

    private MlmMaskedBatch Mask(ReadOnlySpan<long> inputIds, ReadOnlySpan<long> attentionMask, int batchSize, int length, Func<int, Random> sourceOfRow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long expected = (long)batchSize * length;
        if (inputIds.Length != expected || attentionMask.Length != expected)
        {
            throw new ArgumentException(
                $"Expected batch size {batchSize} x length {length} = {expected} ids and mask entries; got {inputIds.Length} ids and {attentionMask.Length} mask entries.",
                nameof(inputIds));
        }

        long[] maskedIds = inputIds.ToArray();
        var labels = new long[inputIds.Length];
        Array.Fill(labels, IgnoreLabel);
        int maskedCount = 0;
        for (int i = 0; i < maskedIds.Length; i++)
        {
            long id = maskedIds[i];
            if (attentionMask[i] == 0 || _special.IsSpecial(id) || sourceOfRow(i / length).NextDouble() >= Probability)
            {
                continue;
            }

            labels[i] = id;
            maskedIds[i] = _special.Mask;
            maskedCount++;
        }

        return new MlmMaskedBatch(maskedIds, labels, batchSize, length, maskedCount);
    }
}
