// Port of SimVTP loss.py: NormSoftmaxLoss (Frozen-in-Time), and the cosine similarity matrix it is applied to.
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>The symmetric contrastive loss of VTC (pretraining) and of retrieval fine-tuning, over in-batch negatives.</summary>
public static class NormSoftmaxLoss
{
    /// <summary>Cosine similarity of every row vector with every column vector: [R, C_e] and [K, C_e] -> [R, K];
    /// each norm is clamped below at 1e-8.</summary>
    public static Tensor Similarity(Tensor rows, Tensor columns)
    {
        using var scope = NewDisposeScope();
        var rowUnits = nn.functional.normalize(rows, 2, 1, ModelConstants.CosineNormEps);    // [R, C_e]
        var columnUnits = nn.functional.normalize(columns, 2, 1, ModelConstants.CosineNormEps);
        return rowUnits.mm(columnUnits.t()).MoveToOuterDisposeScope();                     // [R, K]
    }

    /// <summary>
    /// -mean_i log softmax_j(S/tau)[i, i] - mean_j log softmax_i(S^T/tau)[j, j]: the two directions are summed.
    /// <paramref name="similarity"/> is square [B, B], rows text and columns video, matches on the diagonal.
    /// </summary>
    public static Tensor Compute(Tensor similarity, double temperature)
    {
        if (similarity.shape is not [var rows, var columns] || rows != columns || rows == 0)
            throw new ArgumentException($"similarity must be a non-empty square [B, B] matrix, got {InputChecks.Shape(similarity.shape)}",
                nameof(similarity));
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be positive");
        using var scope = NewDisposeScope();
        var matches = arange(rows, ScalarType.Int64, similarity.device);                  // [B]: pair i is (i, i)
        var scaled = similarity / temperature;                                              // [B, B]
        var textToVideo = nn.functional.cross_entropy(scaled, matches);
        var videoToText = nn.functional.cross_entropy(scaled.t(), matches);
        return (textToVideo + videoToText).MoveToOuterDisposeScope();
    }
}
