// What a training checkpoint holds besides the weights: where training stands.
namespace Vtp.Training;

/// <summary>
/// The position of a training run. Every random choice of step s derives from (Seed, s), so Step and Seed are all the
/// random state a resume needs: it replays the same batches, masks and dropout as an uninterrupted run.
/// </summary>
public sealed record TrainingPosition(long Step, long Seed, long TotalSteps)
{
    /// <summary>Free-form facts stored with the checkpoint (e.g. the config JSON, the data file).</summary>
    public Dictionary<string, string> Notes { get; init; } = new();
}
