// Options of the pretraining forward: loss weights, the VTM negative policy and seeds. The defaults are the official
// behaviour (all weights 1, random negatives passed in with the inputs).
namespace Vtp.Modeling;

/// <summary>How each caption's VTM negative video is chosen.</summary>
public enum VtmNegativePolicy
{
    /// <summary>Official: a uniformly random other video of the batch, given as <see cref="PretrainInputs.VtmNegIndex"/>.</summary>
    Random,

    /// <summary>Hard negatives: drawn from the VTC similarities, softmax(S/tau)-weighted over the other videos (the
    /// positive excluded), seeded by <see cref="SimVtpPretrainOptions.HardNegativeSeed"/>; the given indexes are ignored.</summary>
    HardFromVtc,
}

/// <summary>Weights of the four pretraining losses in the total; all 1 officially.</summary>
/// <param name="Pix">Weight of the masked-pixel MSE.</param>
/// <param name="Mlm">Weight of the masked-language-model cross-entropy.</param>
/// <param name="Vtc">Weight of the video-text contrastive NormSoftmaxLoss.</param>
/// <param name="Vtm">Weight of the video-text matching cross-entropy.</param>
public sealed record PretrainLossWeights(double Pix = 1.0, double Mlm = 1.0, double Vtc = 1.0, double Vtm = 1.0);

/// <summary>Options of <see cref="SimVtpPretrainModel"/>; the defaults reproduce the official pretraining.</summary>
public sealed record SimVtpPretrainOptions
{
    /// <summary>Weights of the losses in the total (default: all 1).</summary>
    public PretrainLossWeights LossWeights { get; init; } = new();

    /// <summary>VTM negative policy (default: <see cref="VtmNegativePolicy.Random"/>, the official one).</summary>
    public VtmNegativePolicy VtmNegatives { get; init; } = VtmNegativePolicy.Random;

    /// <summary>Seed of the hard-negative draws (used with <see cref="VtmNegativePolicy.HardFromVtc"/> only; default 0).</summary>
    public int HardNegativeSeed { get; init; }

    /// <summary>Seed of the official random initialisation (<see cref="SimVtpInit"/>; default 0).</summary>
    public long InitSeed { get; init; }

    /// <summary>Seed of the drop-path draws; null (default) uses libtorch's default generator (torch.manual_seed).</summary>
    public long? DropPathSeed { get; init; }

    /// <summary>
    /// Runs the joint pass and the VTM pass, whose sequences have the same length, as one encoder call over 3B
    /// sequences (default false: the official four calls). Each sequence gets the same math either way; only the
    /// order of the random dropout and drop-path draws differs, so without dropout the results agree up to float
    /// rounding. The video-only and text-only passes stay separate: their lengths differ, and padding them would
    /// compute the pads.
    /// </summary>
    public bool FusePasses { get; init; }
}
