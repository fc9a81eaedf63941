// The other direction: weights changed by training in Vtp, written by ParityDump (SafeTensors.Save), are read by the
// PyTorch reference, which recomputes the same outputs, gradients and dual-encoder embeddings from them.
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class ReverseParityTests
{
    [TestMethod]
    public void WeightsTrainedInVtpGiveTheSameOutputsInTheReference()
    {
        using var dump = new ReferenceDump("reverse");
        using var scope = NewDisposeScope();
        using var model = new SimVtpPretrainModel(SimVtpConfig.Tiny, new SimVtpPretrainOptions { InitSeed = 5 });
        var batch = TinyBatch.Create(batch: 3, length: 7, seed: 5);
        var before = model.state_dict()["encoder.blocks.0.attn.qkv.weight"].clone();
        using (var optimizer = optim.AdamW(model.parameters(), lr: 1e-3))
            for (int step = 0; step < 2; step++)
            {
                using var stepScope = NewDisposeScope();
                optimizer.zero_grad();
                model.Forward(batch.Inputs).LossTotal.backward();
                optimizer.step();
            }
        Assert.IsFalse(before.Equals(model.state_dict()["encoder.blocks.0.attn.qkv.weight"]), "training changed the weights");
        ParityDump.Write(dump.Directory, model, batch);
        Assert.IsTrue(model.training, "ParityDump restores the training mode");
        var ours = dump.Read("outputs.safetensors");
        var oursFinetune = dump.Read("finetune_outputs.safetensors");

        dump.Compute("forward").Compute("finetune-embed");
        var theirs = dump.Read("outputs.safetensors");
        CollectionAssert.AreEquivalent(theirs.Keys.ToList(), ours.Keys.ToList(), "the same outputs and one gradient per parameter");
        foreach (var (name, expected) in theirs)
        {
            Assert.AreEqual(expected.dtype, ours[name].dtype, name);
            if (name.StartsWith("loss_", StringComparison.Ordinal)) ParityAssert.Elementwise(expected, ours[name], 1e-5, name);
            else if (name.StartsWith("grad.", StringComparison.Ordinal)) ParityAssert.Normwise(expected, ours[name], 1e-3, name);
            else ParityAssert.Normwise(expected, ours[name], 1e-4, name);
        }
        foreach (var (name, expected) in dump.Read("finetune_outputs.safetensors"))
            ParityAssert.Normwise(expected, oursFinetune[name], 1e-4, $"finetune {name}");
    }
}
