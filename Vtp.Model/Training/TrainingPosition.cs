// Where a training run stands, as stored in its checkpoints.
namespace Vtp.Training;

/// <summary>
/// The position of a training run: optimizer steps done, and the epoch and the position in that epoch's sample order
/// of the next clip. Every random choice of a step derives from (Seed, step), so this and the seed are all the random
/// state a resume needs: it replays the batches, masks and dropout an uninterrupted run would have had.
/// </summary>
public sealed record TrainingPosition(long Step, int Epoch, int EpochPosition, int Seed, long TotalSteps);
