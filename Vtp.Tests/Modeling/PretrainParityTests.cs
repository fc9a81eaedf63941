// Pretraining forward, losses and gradients, and the dual-encoder embeddings, of Vtp against the PyTorch reference
// (reference/dump.py) on the same weights and inputs, in eval mode (text dropout and drop path off), for the tiny and
// parity presets. The reference computes in float64 from the float32 weights. Vtp is checked twice:
// - in float64, element by element: every output within 1e-4 and every gradient within 1e-3 relative (float32
//   rounding makes an element-wise 1e-3 on gradients impossible, since many elements are zero up to rounding);
// - in float32, tensor by tensor: every output within 1e-4 and every gradient within 1e-3 in relative L2 norm.
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class PretrainParityTests
{
    [TestMethod]
    public void TinyPresetMatchesTheReference() => CheckAgainstReference("tiny", seed: 1, batch: 3, textLength: 9);

    /// <summary>The real layer widths (768, 12 heads, vocabulary 30522); the fixture (~800 MB) lives in a temp dir.</summary>
    [TestMethod]
    public void ParityPresetMatchesTheReference() => CheckAgainstReference("parity", seed: 2, batch: 2, textLength: 7);

    /// <summary>The fused joint + VTM pass (an option) computes what the official four passes compute.</summary>
    [TestMethod]
    public void TinyPresetWithFusedPassesMatchesTheReference()
    {
        using var dump = new ReferenceDump("tiny-fused").Init("tiny", seed: 3, batch: 3, textLength: 9).Compute("forward", "float64");
        using var scope = NewDisposeScope();
        var (weights, inputs, expected) = (dump.Read("weights.safetensors"), dump.Read("inputs.safetensors"), dump.Read("outputs.safetensors"));
        var fused = new SimVtpPretrainOptions { FusePasses = true };
        CheckPretrain(dump.Config, weights, inputs, expected, ScalarType.Float64,
            (e, a, what) => ParityAssert.Elementwise(e, a, 1e-4, what), (e, a, what) => ParityAssert.Elementwise(e, a, 1e-3, what), fused);
        CheckPretrain(dump.Config, weights, inputs, expected, ScalarType.Float32,
            (e, a, what) => ParityAssert.Normwise(e, a, 1e-4, what), (e, a, what) => ParityAssert.Normwise(e, a, 1e-3, what), fused);
    }

    private static void CheckAgainstReference(string preset, int seed, int batch, int textLength)
    {
        using var dump = new ReferenceDump(preset).Init(preset, seed, batch, textLength)
            .Compute("forward", "float64").Compute("finetune-embed", "float64");
        using var scope = NewDisposeScope();
        var config = dump.Config;
        Assert.AreEqual(SimVtpConfig.Preset(preset), config, "the reference preset equals Vtp's");
        var weights = dump.Read("weights.safetensors");
        var inputs = dump.Read("inputs.safetensors");
        var expected = dump.Read("outputs.safetensors");
        CheckPretrain(config, weights, inputs, expected, ScalarType.Float64,
            (e, a, what) => ParityAssert.Elementwise(e, a, 1e-4, what), (e, a, what) => ParityAssert.Elementwise(e, a, 1e-3, what));
        CheckPretrain(config, weights, inputs, expected, ScalarType.Float32,
            (e, a, what) => ParityAssert.Normwise(e, a, 1e-4, what), (e, a, what) => ParityAssert.Normwise(e, a, 1e-3, what));
        var finetune = dump.Read("finetune_outputs.safetensors");
        CheckFinetune(config, weights, inputs, finetune, ScalarType.Float64, (e, a, what) => ParityAssert.Elementwise(e, a, 1e-4, what));
        CheckFinetune(config, weights, inputs, finetune, ScalarType.Float32, (e, a, what) => ParityAssert.Normwise(e, a, 1e-4, what));
    }

    private static void CheckPretrain(SimVtpConfig config, Dictionary<string, Tensor> weights, Dictionary<string, Tensor> inputs,
        Dictionary<string, Tensor> expected, ScalarType dtype, Action<Tensor, Tensor, string> outputClose, Action<Tensor, Tensor, string> gradientClose,
        SimVtpPretrainOptions? options = null)
    {
        using var scope = NewDisposeScope();
        using var model = new SimVtpPretrainModel(config, options);
        model.to(dtype);
        SimVtpCheckpoint.LoadExact(model, weights, "weights.safetensors");
        model.eval();
        using var output = model.Forward(ReferenceDump.Inputs(inputs, dtype));
        output.LossTotal.backward();
        foreach (var (name, actual) in output.ByDumpName())
        {
            Assert.AreEqual(dtype == ScalarType.Float64 || name == "vtm_labels" ? expected[name].dtype : dtype, actual.dtype, name);
            if (name == "vtm_labels") Assert.IsTrue(expected[name].Equals(actual), "vtm_labels: B ones then B zeros");
            else outputClose(expected[name], actual, $"{dtype} {name}");
        }
        Assert.IsTrue(inputs["vtm_neg_index"].Equals(output.VtmNegIndex), "the given negatives are used");
        var parameters = model.named_parameters().ToList();
        Assert.AreEqual(expected.Keys.Count(k => k.StartsWith("grad.", StringComparison.Ordinal)), parameters.Count, "one gradient per parameter");
        foreach (var (name, parameter) in parameters)
        {
            using var grad = parameter.grad ?? throw new AssertFailedException($"{name} received no gradient");
            gradientClose(expected[$"grad.{name}"], grad, $"{dtype} grad.{name}");
        }
    }

    private static void CheckFinetune(SimVtpConfig config, Dictionary<string, Tensor> weights, Dictionary<string, Tensor> inputs,
        Dictionary<string, Tensor> expected, ScalarType dtype, Action<Tensor, Tensor, string> close)
    {
        using var scope = NewDisposeScope();
        using var dual = new DualEncoder(config);
        dual.to(dtype);
        dual.LoadPretrained(weights, "weights.safetensors");
        dual.eval();
        using var noGrad = no_grad();
        var video = dual.VideoFeatures(inputs["video"].to(dtype));
        var text = dual.TextFeatures(inputs["input_ids_unmasked"], inputs["attention_mask"]);
        close(expected["video_embedding"], video, $"{dtype} video_embedding");
        close(expected["text_embedding"], text, $"{dtype} text_embedding");
        close(expected["similarity"], NormSoftmaxLoss.Similarity(text, video), $"{dtype} similarity");
        close(expected["loss_retrieval"], dual.RetrievalLoss(video, text), $"{dtype} loss_retrieval");
        var embedded = dual.EmbedVideo(inputs["video"].to(dtype));
        close(expected["video_embedding"] / expected["video_embedding"].norm(1, keepdim: true), embedded, $"{dtype} unit video embedding");
    }
}
