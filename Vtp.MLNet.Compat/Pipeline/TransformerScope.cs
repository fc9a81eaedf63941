#nullable disable
namespace Microsoft.ML.Data;

/// <summary>Which uses of a fitted chain a transformer takes part in.</summary>
[Flags]
public enum TransformerScope
{
    /// <summary>Never applied.</summary>
    None = 0,
    /// <summary>Applied to training data.</summary>
    Training = 1 << 0,
    /// <summary>Applied to test data.</summary>
    Testing = 1 << 1,
    /// <summary>Applied to training and test data.</summary>
    TrainTest = Training | Testing,
    /// <summary>Applied when scoring.</summary>
    Scoring = 1 << 2,
    /// <summary>Always applied.</summary>
    Everything = TrainTest | Scoring,
}
