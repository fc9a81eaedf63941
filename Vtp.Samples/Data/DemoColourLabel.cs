using Microsoft.ML;
using Microsoft.ML.Transforms;
using Vtp.Samples.DemoData;

namespace Vtp.Samples.Data;

/// <summary>
/// A label for ML.NET classifiers trained on Vtp's embeddings of the demo world: the colour of the first object that
/// a demo caption describes, added by a custom mapping (notebook 04).
/// </summary>
public static class DemoColourLabel
{
    /// <summary>Adds the text column <c>Colour</c> (e.g. "Red") computed from the text column <c>Caption</c>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <returns>The mapping; reading a caption outside the demo grammar throws <see cref="FormatException"/> quoting it.</returns>
    public static CustomMappingEstimator<CaptionText, CaptionColour> DemoColour(this TransformsCatalog catalog) =>
        catalog.CustomMapping<CaptionText, CaptionColour>(
            (row, label) => label.Colour = DemoCaption.Parse(row.Caption)[0].Colour.ToString(), contractName: null);
}

/// <summary>A row's caption: what <see cref="DemoColourLabel.DemoColour"/> reads, and the input of caption prediction engines.</summary>
public sealed class CaptionText
{
    /// <summary>The caption.</summary>
    public string Caption { get; set; } = "";
}

/// <summary>The column that <see cref="DemoColourLabel.DemoColour"/> adds.</summary>
public sealed class CaptionColour
{
    /// <summary>The colour of the caption's first object, e.g. "Red".</summary>
    public string Colour { get; set; } = "";
}
