// SimVtpConfig: presets and JSON against the Python reference's, derived sizes, and validation messages.
using System.Text.Json;
using Vtp.Modeling;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class ConfigTests
{
    [TestMethod]
    public void PresetsAndTheirJsonEqualThePythonReferenceByteForByte()
    {
        var printed = ReferenceDump.RunCode(
            "import json; from simvtp_config import PRESETS; print(json.dumps({k: v.to_json() for k, v in PRESETS.items()}))");
        var python = JsonSerializer.Deserialize<Dictionary<string, string>>(printed)!;
        CollectionAssert.AreEquivalent(new[] { "base", "parity", "tiny" }, python.Keys.ToList());
        foreach (var (name, json) in python)
        {
            Assert.AreEqual(json, SimVtpConfig.Preset(name).ToJson(), $"{name}: Vtp writes the reference's JSON");
            Assert.AreEqual(SimVtpConfig.Preset(name), SimVtpConfig.FromJson(json, name), $"{name}: Vtp reads the reference's JSON");
        }
    }

    [TestMethod]
    public void DerivedSizesOfTheBaseConfigAreThoseOfSimvtpMd()
    {
        var config = SimVtpConfig.Base;
        Assert.AreEqual(new TokenGrid(8, 14, 14), config.Grid);
        Assert.AreEqual(1568, config.NumPatches);
        Assert.AreEqual(176, config.MaskedPerFrame, "int(0.9 * 196)");
        Assert.AreEqual(1408, config.NumMasked);
        Assert.AreEqual(160, config.NumVisible);
        Assert.AreEqual(1536, config.PatchPixels, "2 * 16 * 16 * 3");
        Assert.AreEqual(3072, config.MlpHidden(768));
        Assert.AreEqual(4, config.DecoderDepth, "the official run passes --decoder_depth 4");
    }

    [TestMethod]
    public void SmallPresetIsAVitSLikeCpuModel()
    {
        var small = SimVtpConfig.Small.Validate();
        Assert.AreEqual((384, 12, 6), (small.EncoderEmbedDim, small.EncoderDepth, small.EncoderNumHeads), "ViT-S encoder");
        Assert.AreEqual((192, 4, 3), (small.DecoderEmbedDim, small.DecoderDepth, small.DecoderNumHeads), "VideoMAE-S decoder");
        Assert.AreEqual(new TokenGrid(4, 7, 7), small.Grid);
        Assert.AreEqual(20, small.NumVisible, "int(0.9 * 49) = 44 masked per slice, 5 visible, times 4 slices");
    }

    [TestMethod]
    [DataRow("encoder_embed_dim 100 is not divisible by encoder_num_heads 3", 100, 3, 0, 0, 0)]
    [DataRow("image_size 30 is not divisible by patch_size 16", 0, 0, 30, 0, 0)]
    [DataRow("num_frames 15 is not divisible by tubelet_size 2", 0, 0, 0, 15, 0)]
    [DataRow("decoder_embed_dim 384 is not divisible by decoder_num_heads 5", 0, 0, 0, 0, 5)]
    public void IndivisibleSizesAreRejectedNamingBothValues(string message, int dim, int heads, int image, int frames, int decoderHeads)
    {
        var config = SimVtpConfig.Base with
        {
            EncoderEmbedDim = dim > 0 ? dim : 768, EncoderNumHeads = heads > 0 ? heads : 12, ImageSize = image > 0 ? image : 224,
            NumFrames = frames > 0 ? frames : 16, DecoderNumHeads = decoderHeads > 0 ? decoderHeads : 6,
        };
        AssertInvalid(config, message);
    }

    [TestMethod]
    public void OutOfRangeValuesAreRejectedNamingKeyAndValue()
    {
        AssertInvalid(SimVtpConfig.Tiny with { EncoderDepth = 0 }, "encoder_depth must be positive, got 0");
        AssertInvalid(SimVtpConfig.Tiny with { TextDropout = 1.0 }, "text_dropout must be in [0, 1), got 1.0");
        AssertInvalid(SimVtpConfig.Tiny with { InChans = 1 }, "in_chans must be 3");
        AssertInvalid(SimVtpConfig.Tiny with { VideoMaskRatio = 1.0 }, "video_mask_ratio must be in [0, 1), got 1.0");
        AssertInvalid(SimVtpConfig.Tiny with { VtcTemperature = 0 }, "vtc_temperature must be positive, got 0.0");
        AssertInvalid(SimVtpConfig.Tiny with { MlpRatio = 0.001 }, "mlp_ratio 0.001 gives an empty MLP hidden layer");
        AssertInvalid(SimVtpConfig.Tiny with { VocabSize = 50 }, "vocab_size 50 must exceed the [MASK] id 103");
        Assert.ThrowsExactly<ArgumentException>(() => new SimVtpPretrainModel(SimVtpConfig.Tiny with { VocabSize = 50 }), "models validate");
    }

    private static void AssertInvalid(SimVtpConfig config, string message) =>
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => config.Validate()).Message, message);

    [TestMethod]
    public void JsonWithMissingUnknownOrMistypedKeysIsRejectedNamingThem()
    {
        var json = SimVtpConfig.Tiny.ToJson();
        var missing = Assert.ThrowsExactly<ArgumentException>(() => SimVtpConfig.FromJson(json.Replace("  \"in_chans\": 3,\n", ""), "a.json"));
        StringAssert.Contains(missing.Message, "a.json: missing keys [in_chans], unknown keys []");
        var unknown = Assert.ThrowsExactly<ArgumentException>(() => SimVtpConfig.FromJson(json.Replace("{\n", "{\n  \"depth\": 2,\n"), "b.json"));
        StringAssert.Contains(unknown.Message, "unknown keys [depth]");
        var fractional = Assert.ThrowsExactly<ArgumentException>(() => SimVtpConfig.FromJson(json.Replace("\"patch_size\": 8", "\"patch_size\": 8.5"), "c.json"));
        StringAssert.Contains(fractional.Message, "c.json: config 'patch_size' must be an integer, got 8.5");
        var invalid = Assert.ThrowsExactly<ArgumentException>(() => SimVtpConfig.FromJson(json.Replace("\"num_frames\": 4", "\"num_frames\": 3"), "d.json"));
        StringAssert.Contains(invalid.Message, "d.json: invalid SimVTP config: num_frames 3 is not divisible by tubelet_size 2");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => SimVtpConfig.FromJson("[1]", "e.json")).Message, "e.json: expected a JSON object");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => SimVtpConfig.FromJson("{", "f.json")).Message, "f.json: not valid JSON");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => SimVtpConfig.Preset("huge")).Message, "presets: base, small, parity, tiny");
    }
}
