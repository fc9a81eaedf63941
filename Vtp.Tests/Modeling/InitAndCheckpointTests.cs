// The seeded official initialisation against the reference's draws, and strict checkpoint loading.
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class InitAndCheckpointTests
{
    private static void AssertSameWeights(Dictionary<string, Tensor> expected, nn.Module model) =>
        AssertSameDraws(expected, model.state_dict());

    private static void AssertSameDraws(Dictionary<string, Tensor> expected, IDictionary<string, Tensor> actual)
    {
        CollectionAssert.AreEquivalent(expected.Keys.ToList(), actual.Keys.ToList(), "keys");
        foreach (var (name, value) in actual)
            if (name == "mask_token")   // drawn through erfinv, whose libtorch 2.10 kernel may differ from 1.13's in the last bit
                Assert.IsTrue(expected[name].allclose(value, rtol: 0, atol: 4e-9),
                    $"{name} equals the reference's draw within 2 ulp (max difference {(expected[name] - value).abs().max().item<float>():E2})");
            else Assert.IsTrue(expected[name].Equals(value), $"{name} equals the reference's draw");
    }

    /// <summary>Same libtorch generator, same seed, same draw order: the reference's official init, bit for bit.</summary>
    [TestMethod]
    public void SeededInitEqualsTheReferencesOfficialInit()
    {
        using var dump = new ReferenceDump("init").Init("tiny", seed: 4, batch: 2, textLength: 4, perturb: 0);
        using var scope = NewDisposeScope();
        using var model = new SimVtpPretrainModel(SimVtpConfig.Tiny, new SimVtpPretrainOptions { InitSeed = 4 });
        AssertSameWeights(dump.Read("weights.safetensors"), model);
        var named = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        Assert.AreEqual(0.0, named["text_embeddings.word_embeddings.weight"][SpecialTokens.Pad].abs().max().item<float>(), "[PAD] row");
        Assert.IsTrue(named["mask_token"].abs().max().item<float>() <= 0.02f, "mask_token is truncated to 2 std");
        using var other = new SimVtpPretrainModel(SimVtpConfig.Tiny, new SimVtpPretrainOptions { InitSeed = 5 });
        Assert.IsFalse(named["text_cls.weight"].Equals(other.state_dict()["text_cls.weight"]), "another seed gives other weights");
    }

    [TestMethod]
    public void ParityDumpWeightsEqualTheReferenceInitWithPerturbedConstants()
    {
        using var dump = new ReferenceDump("init").Init("tiny", seed: 6, batch: 2, textLength: 4, perturb: 0.02);
        using var ours = new ReferenceDump("vtp-dump");
        ParityDump.Write(ours.Directory, SimVtpConfig.Tiny, seed: 6, batch: 2, textLength: 5, perturb: 0.02);
        using var scope = NewDisposeScope();
        var expected = dump.Read("weights.safetensors");
        var actual = ours.Read("weights.safetensors");
        AssertSameDraws(expected, actual);
        Assert.AreEqual(SimVtpConfig.Tiny, ours.Config, "config.json reads back");
    }

    [TestMethod]
    public void DualEncoderInitFollowsTheOfficialRules()
    {
        using var dual = new DualEncoder(SimVtpConfig.Tiny);
        using var scope = NewDisposeScope();
        var named = dual.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        Assert.IsTrue(named["video_encoder.fc_norm.weight"].Equals(ones(64)), "fc_norm weight 1");
        Assert.IsTrue(named["text_encoder.blocks.1.mlp.fc1.bias"].Equals(zeros(256)), "Linear bias 0");
        var qkv = named["text_encoder.blocks.0.attn.qkv.weight"];
        var bound = Math.Sqrt(6.0 / (64 + 192));
        Assert.IsTrue(qkv.abs().max().item<float>() <= bound, "xavier-uniform bound");
        Assert.AreEqual(bound / Math.Sqrt(3), qkv.std().item<float>(), 0.05 * bound, "xavier-uniform spread");
        Assert.AreEqual(0.02, named["video_encoder.text_embeddings.position_embeddings.weight"].std().item<float>(), 0.002);
        Assert.IsFalse(named["video_encoder.blocks.0.attn.qkv.weight"].Equals(qkv), "the towers are untied");
    }

    [TestMethod]
    public void LoadingACheckpointOfAnotherConfigNamesTheDifferingSizes()
    {
        using var scope = NewDisposeScope();
        using var tiny = new SimVtpPretrainModel(SimVtpConfig.Tiny);
        var weights = tiny.state_dict();
        using var narrower = new SimVtpPretrainModel(SimVtpConfig.Tiny with { EncoderEmbedDim = 32, DecoderDepth = 2 });
        var error = Assert.ThrowsExactly<ArgumentException>(() => SimVtpCheckpoint.LoadExact(narrower, weights, "tiny.safetensors")).Message;
        StringAssert.Contains(error, "tiny.safetensors: the weights do not fit the model: it was written for another config:");
        StringAssert.Contains(error, "encoder_embed_dim 64 (this model: 32)");
        StringAssert.Contains(error, "decoder_depth 1 (this model: 2)");
        StringAssert.Contains(error, "missing keys (13): decoder.blocks.1.norm1.weight");
        StringAssert.Contains(error, "encoder.patch_embed.proj.weight: expected [32, 3, 2, 8, 8], got [64, 3, 2, 8, 8]");
        using var dual = new DualEncoder(SimVtpConfig.Tiny with { EncoderDepth = 3 });
        var towers = Assert.ThrowsExactly<ArgumentException>(() => dual.LoadPretrained(weights, "pretrain.safetensors")).Message;
        StringAssert.Contains(towers, "encoder_depth 2 (this model: 3)");
        StringAssert.Contains(towers, "missing keys (26): video_encoder.blocks.2.norm1.weight");
    }

    [TestMethod]
    public void UnexpectedKeysAreNamedAndPositionIdsAreIgnored()
    {
        using var scope = NewDisposeScope();
        using var model = new SimVtpPretrainModel(SimVtpConfig.Tiny);
        var weights = new Dictionary<string, Tensor>(model.state_dict())
        {
            ["text_embeddings.position_ids"] = arange(64).unsqueeze(0),
            ["head.weight"] = zeros(2, 2),
        };
        var error = Assert.ThrowsExactly<ArgumentException>(() => SimVtpCheckpoint.LoadExact(model, weights, "extra")).Message;
        StringAssert.Contains(error, "unexpected keys (1): head.weight");
        weights.Remove("head.weight");
        SimVtpCheckpoint.LoadExact(model, weights, "official");
    }

    [TestMethod]
    public void DualEncoderLoadsTheEncoderIntoBothTowersAndResetsFcNorm()
    {
        using var scope = NewDisposeScope();
        using var pretrain = new SimVtpPretrainModel(SimVtpConfig.Tiny, new SimVtpPretrainOptions { InitSeed = 9 });
        var weights = pretrain.state_dict();
        using var dual = new DualEncoder(SimVtpConfig.Tiny, new DualEncoderOptions { InitSeed = 3 });
        using (no_grad()) dual.state_dict()["text_encoder.fc_norm.bias"].fill_(0.5);
        dual.LoadPretrained(weights, "pretrain");
        var loaded = dual.state_dict();
        foreach (var tower in new[] { "video_encoder", "text_encoder" })
        {
            Assert.IsTrue(weights["encoder.blocks.1.attn.qkv.weight"].Equals(loaded[$"{tower}.blocks.1.attn.qkv.weight"]), tower);
            Assert.IsTrue(weights["text_embeddings.LayerNorm.bias"].Equals(loaded[$"{tower}.text_embeddings.LayerNorm.bias"]), tower);
            Assert.IsTrue(loaded[$"{tower}.fc_norm.bias"].Equals(zeros(64)), $"{tower}.fc_norm.bias starts at 0");
        }
        Assert.IsFalse(loaded.Keys.Any(k => k.EndsWith(".norm.weight", StringComparison.Ordinal)), "encoder.norm is dropped (norm = Identity)");
    }
}
