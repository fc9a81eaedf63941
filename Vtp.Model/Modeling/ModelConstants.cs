// Numeric constants fixed by the SimVTP/VideoMAE architecture (SIMVTP.md §1.1, §2.2-§2.3, §3.1-§3.2); not config keys.
namespace Vtp.Modeling;

internal static class ModelConstants
{
    /// <summary>LayerNorm epsilon of the ViT blocks, encoder.norm, decoder.norm and fc_norm.</summary>
    public const double VitLayerNormEps = 1e-6;

    /// <summary>LayerNorm epsilon of the BERT text embeddings.</summary>
    public const double BertLayerNormEps = 1e-12;

    /// <summary>Attention logit added for padded text keys (the official code uses -10000, not -inf).</summary>
    public const double MaskedKeyLogit = -10000.0;

    /// <summary>ImageNet channel means and standard deviations the video is normalised with.</summary>
    public static readonly double[] ImageNetMean = [0.485, 0.456, 0.406];
    public static readonly double[] ImageNetStd = [0.229, 0.224, 0.225];

    /// <summary>Added to the per-patch standard deviation of the pixel target.</summary>
    public const double PixelStdEps = 1e-6;

    /// <summary>Lower bound of a vector norm in the cosine similarity.</summary>
    public const double CosineNormEps = 1e-8;
}
