// Checkpoints: atomic folders, round trips of weights and AdamW moments, pruning, and clear errors.
using TorchSharp;
using TorchSharp.Modules;
using Vtp.Tests.Support;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Tests.Training;

[TestClass]
public sealed class CheckpointStoreTests
{
    private string dir = null!;

    [TestInitialize] public void Setup() => dir = Directory.CreateTempSubdirectory("vtp-ckpt-").FullName;
    [TestCleanup] public void Cleanup() => Directory.Delete(dir, true);

    private static (Linear model, AdamW optimizer) Trained(int steps)
    {
        manual_seed(1);
        var model = nn.Linear(3, 2);
        var optimizer = optim.AdamW(ParameterGroups.For(model, 0.05), lr: 0.01);
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.call(ones(4, 3) * (i + 1)).pow(2).sum().backward();
            optimizer.step();
        }
        return (model, optimizer);
    }

    [TestMethod]
    public void RestoreGivesTheSameNextStepAsNeverStopping()
    {
        var (a, optA) = Trained(3);
        var store = new CheckpointStore(dir);
        store.Save(a, optA, new TrainingPosition(3, Epoch: 1, EpochPosition: 4, Seed: 9, TotalSteps: 10));

        manual_seed(2);
        var b = nn.Linear(3, 2);
        var optB = optim.AdamW(ParameterGroups.For(b, 0.05), lr: 0.01);
        var position = CheckpointStore.Restore(store.Latest()!, b, optB);
        Assert.AreEqual(new TrainingPosition(3, 1, 4, 9, 10), position);

        foreach (var (model, optimizer) in new[] { (a, optA), (b, optB) })
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.call(ones(4, 3)).pow(2).sum().backward();
            optimizer.step();
        }
        TorchAssert.Close(a.weight, b.weight, 0, 0, "weights after one more step");
        TorchAssert.Close(a.bias!, b.bias!, 0, 0, "biases after one more step");
    }

    [TestMethod]
    public void KeepsTheNewestAndLeavesNoTemporaryFolders()
    {
        var (model, optimizer) = Trained(1);
        var store = new CheckpointStore(dir, keepLast: 2);
        for (long step = 1; step <= 4; step++) store.Save(model, optimizer, new TrainingPosition(step, 0, 0, 0, 4));
        CollectionAssert.AreEqual(new[] { "checkpoint-00000003", "checkpoint-00000004" },
            Directory.GetDirectories(dir).Select(Path.GetFileName).Order().ToArray());
        StringAssert.EndsWith(store.Latest(), "checkpoint-00000004");
    }

    [TestMethod]
    public void ACrashedWriteLeavesTheLastCompleteCheckpoint()
    {
        var (model, optimizer) = Trained(1);
        var store = new CheckpointStore(dir);
        store.Save(model, optimizer, new TrainingPosition(1, 0, 0, 0, 4));
        // What a kill -9 during the next save leaves behind: a half-written temporary folder.
        var half = Directory.CreateDirectory(Path.Combine(dir, ".checkpoint-00000002.tmp999"));
        File.WriteAllText(Path.Combine(half.FullName, "model.safetensors"), "partial");
        StringAssert.EndsWith(store.Latest(), "checkpoint-00000001");
        Assert.AreEqual(1, CheckpointStore.Restore(store.Latest()!, model, optimizer).Step);
        store.Save(model, optimizer, new TrainingPosition(2, 0, 0, 0, 4));
        Assert.IsFalse(Directory.Exists(half.FullName), "stale temporary folders are cleaned on the next save");
    }

    [TestMethod]
    public void ACheckpointOfAnotherModelIsRejectedClearly()
    {
        var (model, optimizer) = Trained(1);
        var store = new CheckpointStore(dir);
        store.Save(model, optimizer, new TrainingPosition(1, 0, 0, 0, 4));
        var other = nn.Linear(5, 2);
        var e = Assert.ThrowsExactly<ArgumentException>(() => CheckpointStore.Restore(store.Latest()!, other, optim.AdamW(other.parameters())));
        StringAssert.Contains(e.Message, "weight: expected [2, 5], got [2, 3]");
    }
}
