using Vtp.Data;
using Vtp.Modeling;

namespace Vtp.Samples.Ablation;

/// <summary>
/// One configuration of the ablation table: SimVTP's pretraining with one thing changed from the official setting
/// (text mask 75%, video mask 90%, all four losses, all pretraining clips), or that setting itself.
/// </summary>
/// <param name="Key">Short name, used on the command line and in the table (e.g. "text-15").</param>
/// <param name="Label">What the row changes, for the table.</param>
/// <param name="TextMaskRatio">Probability that a caption token is masked for MLM (SimVtpConfig.TextMaskRatio).</param>
/// <param name="VideoMaskRatio">Share of each frame's patches hidden by the tube mask (SimVtpConfig.VideoMaskRatio).</param>
/// <param name="CrossModalLosses">True: pixels + MLM + VTC + VTM; false: the masked-autoencoding losses only (VTC and VTM weight 0).</param>
/// <param name="DataFraction">Share of the training clips used for pretraining (fine-tuning always uses them all).</param>
/// <param name="Pretrains">False for the reference row that skips pretraining (its pretraining metrics are those of the initialisation).</param>
public sealed record AblationRow(string Key, string Label, double TextMaskRatio, double VideoMaskRatio, bool CrossModalLosses, double DataFraction,
    bool Pretrains = true)
{
    /// <summary>The official setting, the shared baseline of every comparison.</summary>
    public static AblationRow Official { get; } = new("official", "official: text 75%, video 90%, all four losses, 100% data", 0.75, 0.9, true, 1.0);

    /// <summary>The rows of the table: the official setting, each change of it, and the no-pretraining reference last.</summary>
    public static IReadOnlyList<AblationRow> All { get; } =
    [
        Official,
        Official with { Key = "text-15", Label = "text mask 15%", TextMaskRatio = 0.15 },
        Official with { Key = "text-45", Label = "text mask 45%", TextMaskRatio = 0.45 },
        Official with { Key = "video-75", Label = "video mask 75%", VideoMaskRatio = 0.75 },
        Official with { Key = "mae-only", Label = "MAE losses only (pixels + MLM, no VTC/VTM)", CrossModalLosses = false },
        Official with { Key = "data-10", Label = "10% of the pretraining clips", DataFraction = 0.1 },
        Official with { Key = "no-pretraining", Label = "reference: no pretraining (fine-tuning from the initialisation)", Pretrains = false },
    ];

    /// <summary>The rows named by <paramref name="keys"/>, in the order given.</summary>
    /// <exception cref="ArgumentException">A key names no row; the message lists them.</exception>
    public static IReadOnlyList<AblationRow> Select(IEnumerable<string> keys) => keys.Select(k => All.FirstOrDefault(r => r.Key == k)
        ?? throw new ArgumentException($"Unknown ablation row '{k}'; rows: {string.Join(", ", All.Select(r => r.Key))}.", nameof(keys))).ToList();

    /// <summary>The model config of this row: <paramref name="baseConfig"/> with this row's mask ratios.</summary>
    public SimVtpConfig Configure(SimVtpConfig baseConfig) => (baseConfig with { TextMaskRatio = TextMaskRatio, VideoMaskRatio = VideoMaskRatio }).Validate();

    /// <summary>Weights of the pretraining losses: all 1, or VTC and VTM switched off.</summary>
    public PretrainLossWeights LossWeights => CrossModalLosses ? new PretrainLossWeights() : new PretrainLossWeights(Vtc: 0, Vtm: 0);

    /// <summary>
    /// The clips this row pretrains on: all of <paramref name="train"/>, or a seeded random subset of round(fraction x count)
    /// clips, kept in list order (a different subset per seed).
    /// </summary>
    /// <exception cref="ArgumentException">The subset would be smaller than one batch.</exception>
    public IReadOnlyList<VideoTextSample> PretrainingClips(IReadOnlyList<VideoTextSample> train, int seed, int batchSize)
    {
        if (DataFraction >= 1) return train;
        var count = (int)Math.Round(DataFraction * train.Count);
        if (count < batchSize)
            throw new ArgumentException($"Row '{Key}' pretrains on {DataFraction:P0} of {train.Count} clips = {count}, fewer than one batch of {batchSize}.");
        var picked = Enumerable.Range(0, train.Count).ToArray();
        new Random(seed).Shuffle(picked);
        return picked.Take(count).Order().Select(i => train[i]).ToList();
    }
}
