// A run cancelled mid-way and resumed from its checkpoint follows the same loss trajectory as an uninterrupted run.
using Vtp.Modeling;
using Vtp.Tests.Learning;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Tests.Training;

[TestClass]
public sealed class ResumeTests
{
    private static TrainingOptions Options(string? checkpoints) => TrainingOptions.Pretraining with
    {
        BatchSize = 8, AccumulationSteps = 2, Epochs = 2, BaseLearningRate = 8e-3, Seed = 21, ReuseClips = true,
        CheckpointDirectory = checkpoints, CheckpointEverySteps = 2,
    };

    private static List<TrainingProgress> Train(string? checkpoints, CancellationTokenSource? cancel = null, long cancelAfter = 0)
    {
        var world = DemoWorld.Instance;
        var history = new List<TrainingProgress>();
        using var model = new SimVtpPretrainModel(world.Config, new SimVtpPretrainOptions { InitSeed = 4 });
        var progress = new SynchronousProgress<TrainingProgress>(p =>
        {
            history.Add(p);
            if (p.Step == cancelAfter) cancel?.Cancel();
        });
        try
        {
            SimVtpPretraining.Run(model, world.Tokenizer, world.Train.Take(64).ToList(), Options(checkpoints), progress: progress,
                cancellationToken: cancel?.Token ?? default);
        }
        catch (OperationCanceledException) when (cancel is { IsCancellationRequested: true })
        {
        }
        return history;
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void CancelledThenResumedRunMatchesAnUninterruptedOne()
    {
        var uninterrupted = Train(null);
        Assert.AreEqual(8, uninterrupted.Count, "64 clips / (8 x 2) per step x 2 epochs");
        var folder = Directory.CreateTempSubdirectory("vtp-resume-").FullName;
        try
        {
            using var cancel = new CancellationTokenSource();
            var first = Train(folder, cancel, cancelAfter: 3);
            Assert.AreEqual(3, first.Count, "cancellation stops before the next step");
            StringAssert.EndsWith(new CheckpointStore(folder).Latest(), "checkpoint-00000003", "the last completed step is kept");
            var resumed = Train(folder);
            CollectionAssert.AreEqual(new long[] { 4, 5, 6, 7, 8 }, resumed.Select(p => p.Step).ToArray());
            foreach (var p in first.Concat(resumed))
            {
                var reference = uninterrupted[(int)p.Step - 1];
                foreach (var (part, value) in reference.Losses)
                    Assert.AreEqual(value, p.Losses[part], 1e-6 * Math.Abs(value), $"step {p.Step} {part}");
                Assert.AreEqual(reference.LearningRate, p.LearningRate, 1e-15, $"step {p.Step} learning rate");
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
