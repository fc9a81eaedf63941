namespace Vtp.Samples.Data;

/// <summary>One annotation row as the ML.NET components read it (the default column names of Vtp.MLNet).</summary>
public sealed class ClipRow
{
    /// <summary>Path of the video file.</summary>
    public string VideoPath { get; set; } = "";

    /// <summary>The caption.</summary>
    public string Caption { get; set; } = "";

    /// <summary>Start of the clip in seconds; NaN: from the beginning.</summary>
    public double Start { get; set; } = double.NaN;

    /// <summary>End of the clip in seconds; NaN: to the end.</summary>
    public double End { get; set; } = double.NaN;
}
