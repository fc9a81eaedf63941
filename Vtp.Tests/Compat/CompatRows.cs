using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// Row types and small data sets shared by the compat tests.
public static class CompatRows
{
    // Two captions of 5 and 11 characters.
    public static IDataView Captions(MLContext context)
        => context.Data.LoadFromEnumerable(new[] { new TextRow { Text = "a dog" }, new TextRow { Text = "a black cat" } });
}

public sealed class ClipRow
{
    public string VideoPath { get; set; } = "";

    [ColumnName("Caption")]
    public string Text { get; set; } = "";

    public float Start { get; set; }

    [VectorType(3)]
    public float[] Features { get; set; } = Array.Empty<float>();

    [NoColumn]
    public int Ignored { get; set; }
}

public sealed class ClipRowWithVariableVector
{
    public string VideoPath = "";
    public float[] Scores = Array.Empty<float>();
    public string[] Tags = Array.Empty<string>();
}

public sealed class NumberRow
{
    public int Id { get; set; }
    public float Value { get; set; }
}

public sealed class TextRow
{
    public string Text { get; set; } = "";
}
