using Microsoft.ML;

namespace Vtp.MLNet;

/// <summary>Vtp's entry point on an <see cref="MLContext"/>.</summary>
public static class VtpCatalogExtensions
{
    /// <summary>Vtp's components (pretraining, fine-tuning, embedding, pair scoring), bound to <paramref name="mlContext"/>:
    /// <c>mlContext.Vtp().Pretrain(options)</c>.</summary>
    /// <param name="mlContext">The context whose Log receives the training components' progress and whose generator gives their default seed.</param>
    public static VtpCatalog Vtp(this MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return new VtpCatalog(mlContext);
    }
}
