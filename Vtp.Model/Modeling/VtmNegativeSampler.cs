// VTM negatives (§3, pass 4): the official uniform choice of another video of the batch, and the hard-negative
// alternative that draws from the VTC similarities. Both take an explicit System.Random.
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Chooses, for each caption i of a batch, a negative video j != i.</summary>
public sealed class VtmNegativeSampler
{
    private readonly Random random;

    /// <param name="random">Source of the draws (seed it for reproducible negatives).</param>
    public VtmNegativeSampler(Random random) => this.random = random;

    /// <summary>Official: j uniform over the other B-1 videos -> vtm_neg_index [B] int64.</summary>
    public Tensor Uniform(int batch)
    {
        RequireBatch(batch);
        var negatives = new long[batch];
        for (int i = 0; i < batch; i++) negatives[i] = (i + random.Next(1, batch)) % batch;
        return tensor(negatives);                                                           // [B]
    }

    /// <summary>
    /// Hard negatives: caption i draws video j != i with probability softmax_j(S[i, j] / temperature) renormalised
    /// over j != i. similarity [B, B] (rows text, columns video) -> vtm_neg_index [B] int64, on the same device.
    /// </summary>
    public Tensor FromSimilarity(Tensor similarity, double temperature)
    {
        if (similarity.shape is not [var rows, var columns] || rows != columns)
            throw new ArgumentException($"similarity must be square [B, B], got {InputChecks.Shape(similarity.shape)}", nameof(similarity));
        RequireBatch((int)rows);
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be positive");
        double[] probabilities;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var diagonal = eye(rows, dtype: ScalarType.Float64).@bool();                    // [B, B]
            var logits = similarity.detach().to(ScalarType.Float64).div(temperature);
            probabilities = logits.masked_fill(diagonal, double.NegativeInfinity).softmax(1).cpu().data<double>().ToArray();
        }
        var negatives = new long[rows];
        for (int i = 0; i < rows; i++) negatives[i] = Draw(probabilities.AsSpan(i * (int)rows, (int)rows), i);
        return tensor(negatives).to(similarity.device);                                     // [B]
    }

    private long Draw(ReadOnlySpan<double> row, int positive)
    {
        var u = random.NextDouble();
        double cumulative = 0;
        int last = -1;
        for (int j = 0; j < row.Length; j++)
        {
            if (j == positive || row[j] <= 0) continue;
            last = j;
            cumulative += row[j];
            if (u < cumulative) return j;
        }
        return last >= 0 ? last : (positive + 1) % row.Length;  // rounding left u above the sum, or every weight underflowed
    }

    private static void RequireBatch(int batch)
    {
        if (batch < 2) throw new ArgumentOutOfRangeException(nameof(batch), batch, "VTM negatives need a batch of at least 2");
    }
}
