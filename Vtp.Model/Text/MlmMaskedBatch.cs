namespace Vtp.Text;

/// <summary>
/// Masked-language-model input and targets for a batch, row-major <c>[B, L]</c> like the <see cref="TokenizedBatch"/>
/// they come from. Fresh arrays: the source batch is left as it was.
/// </summary>
/// <param name="InputIds"><c>[B, L]</c> ids with every selected token replaced by <c>[MASK]</c>.</param>
/// <param name="Labels"><c>[B, L]</c>: the original id at selected positions, <see cref="MlmTokenMasker.IgnoreLabel"/> (-100) elsewhere.</param>
/// <param name="BatchSize">Number of rows, B.</param>
/// <param name="Length">Row length, L.</param>
/// <param name="MaskedCount">How many positions were selected over the whole batch (0 means no MLM target at all).</param>
public sealed record MlmMaskedBatch(long[] InputIds, long[] Labels, int BatchSize, int Length, int MaskedCount);
