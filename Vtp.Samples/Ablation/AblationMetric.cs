namespace Vtp.Samples.Ablation;

/// <summary>A number measured on every run of the ablation, with how it is shown in the table.</summary>
/// <param name="Key">Short name, the key in <see cref="AblationRunResult.Metrics"/>.</param>
/// <param name="Header">Column header of the table.</param>
/// <param name="Description">What it measures, for the notes under the table.</param>
public sealed record AblationMetric(string Key, string Header, string Description)
{
    /// <summary>Held-out text-to-video R@1 (percent) after the shared fine-tuning.</summary>
    public static AblationMetric FineTunedR1 { get; } = new("ft_r1", "fine-tuned t2v R@1",
        "held-out text-to-video R@1 (%) after the same fine-tuning of a dual encoder initialised from the pretrained model (one centred view per clip)");

    /// <summary>Held-out text-to-video R@5 (percent) after the shared fine-tuning.</summary>
    public static AblationMetric FineTunedR5 { get; } = new("ft_r5", "fine-tuned t2v R@5", "the same, R@5 (%)");

    /// <summary>Held-out text-to-video R@1 (percent) from the pretrained encoder's VTC features.</summary>
    public static AblationMetric ZeroShotR1 { get; } = new("zs_r1", "zero-shot t2v R@1",
        "held-out text-to-video R@1 (%) of the pretrained model itself: VTC features (mean-pooled shared-encoder outputs of the unmasked clip and the unmasked caption), cosine");

    /// <summary>Held-out text-to-video R@5 (percent) from the pretrained encoder's VTC features.</summary>
    public static AblationMetric ZeroShotR5 { get; } = new("zs_r5", "zero-shot t2v R@5", "the same, R@5 (%)");

    /// <summary>MLM accuracy on masked colour words with the video.</summary>
    public static AblationMetric ColourWithVideo { get; } = new("mlm_colour_video", "MLM colour, video",
        "share (%) of colour words, masked alone in the held-out captions, that the pretrained MLM head predicts exactly, the clip tube-masked at the row's own ratio");

    /// <summary>MLM accuracy on masked colour words with a blank video.</summary>
    public static AblationMetric ColourBlankVideo { get; } = new("mlm_colour_blank", "MLM colour, blank video",
        "the same with every clip replaced by a blank one: what the text alone gives (a gap to the previous column means the video is used)");

    /// <summary>The table's columns, in order.</summary>
    public static IReadOnlyList<AblationMetric> All { get; } = [FineTunedR1, FineTunedR5, ZeroShotR1, ZeroShotR5, ColourWithVideo, ColourBlankVideo];
}
