namespace Vtp.Samples.Data;

/// <summary>What a colour classifier's prediction engine returns (its predicted key mapped back to the colour name).</summary>
public sealed class ColourPrediction
{
    /// <summary>The predicted colour, e.g. "Red".</summary>
    public string PredictedColour { get; set; } = "";
}
