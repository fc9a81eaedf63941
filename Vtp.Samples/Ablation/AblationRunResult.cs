using Vtp.Modeling;

namespace Vtp.Samples.Ablation;

/// <summary>What one run (one row, one seed) of the ablation did and measured.</summary>
/// <param name="Row">The configuration.</param>
/// <param name="Seed">Seed of the initialisation, the data order, crops, masks, negatives and dropout.</param>
/// <param name="Config">The model config the run pretrained with (the row's mask ratios).</param>
/// <param name="LossWeights">The loss weights the pretraining model was built with.</param>
/// <param name="PretrainClips">Distinct clips pretraining drew from (0 when the row does not pretrain).</param>
/// <param name="PretrainSteps">Pretraining optimizer steps made.</param>
/// <param name="FineTuneSteps">Fine-tuning optimizer steps made.</param>
/// <param name="PretrainLosses">The last pretraining step's losses ("total", "pix", "mlm", "vtc", "vtm"; empty without pretraining).</param>
/// <param name="Metrics">Each <see cref="AblationMetric"/>'s value, by key.</param>
/// <param name="Seconds">Wall-clock seconds of the run.</param>
public sealed record AblationRunResult(AblationRow Row, int Seed, SimVtpConfig Config, PretrainLossWeights LossWeights, int PretrainClips,
    long PretrainSteps, long FineTuneSteps, IReadOnlyDictionary<string, double> PretrainLosses, IReadOnlyDictionary<string, double> Metrics,
    double Seconds);
