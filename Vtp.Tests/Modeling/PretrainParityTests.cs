// Pretraining forward, losses and gradients of Vtp against the PyTorch reference (reference/dump.py) on the same
// weights and inputs, with text dropout and drop path off (eval mode), for the tiny and parity presets.
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class PretrainParityTests
{
    [TestMethod]
    public void Explore()
    {
        using var dump = new ReferenceDump("tiny").Init("tiny", 1, 3, 9, perturb: 0);
        using var scope = NewDisposeScope();
        var config = dump.Config;
        using var model = new SimVtpPretrainModel(config, new SimVtpPretrainOptions { InitSeed = 1 });
        var expected = dump.Read("weights.safetensors");
        foreach (var (name, p) in model.named_parameters())
            Console.WriteLine($"{name}: {ParityAssert.WorstRelative(expected[name], p, 0):E3}");
    }
}
