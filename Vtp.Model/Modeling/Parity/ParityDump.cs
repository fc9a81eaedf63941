// Writes a parity fixture in the dump format of reference/README.md (config.json, weights.safetensors,
// inputs.safetensors, outputs.safetensors, finetune_outputs.safetensors), so that `reference/dump.py forward` and
// `finetune-embed` can recompute Vtp's outputs from Vtp's weights. This is IO, kept apart from the pure modules.
using TorchSharp.Modules;
using Vtp.IO;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Parity fixtures that the PyTorch reference reads (and writes) in the same format.</summary>
public static class ParityDump
{
    /// <summary>
    /// For a config and seed: the official init then normal(0, <paramref name="perturb"/>) noise on every bias and
    /// LayerNorm weight, drawn from one torch.Generator seeded with <paramref name="seed"/> in the reference's order
    /// (so the weights equal `dump.py init`'s), a <see cref="SyntheticBatch"/> from System.Random(seed), then
    /// <see cref="Write(string, SimVtpPretrainModel, SyntheticBatch, IReadOnlyDictionary{string, string}?)"/>.
    /// </summary>
    public static void Write(string directory, SimVtpConfig config, int seed, int batch, int textLength, double perturb = 0.02)
    {
        using var model = new SimVtpPretrainModel(config);
        using (var generator = new Generator((ulong)seed))
        {
            SimVtpInit.Initialize(model, generator);
            PerturbConstants(model, perturb, generator);
        }
        using var scope = NewDisposeScope();
        var inputs = SyntheticBatch.Create(config, batch, textLength, new Random(seed));
        Write(directory, model, inputs, new Dictionary<string, string> { ["seed"] = $"{seed}", ["perturb"] = $"{perturb:R}" });
    }

    /// <summary>
    /// Writes the model's config, weights (in its dtype), the batch, and what the model computes from them in eval
    /// mode: every output and the gradient of the total loss for every parameter, and the dual-encoder embeddings.
    /// The model's training mode is restored; its parameters keep the gradients of this pass.
    /// </summary>
    public static void Write(string directory, SimVtpPretrainModel model, SyntheticBatch batch, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Directory.CreateDirectory(directory);
        var info = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>())
        {
            ["writer"] = "Vtp", ["torch"] = __version__,
        };
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            var dtype = model.parameters().First().dtype;
            info["dtype"] = dtype == ScalarType.Float64 ? "float64" : "float32";
            File.WriteAllText(Path.Combine(directory, "config.json"), model.Config.ToJson());
            var weights = model.state_dict();
            SafeTensors.Save(Path.Combine(directory, "weights.safetensors"), weights, info);
            var inputs = batch.Inputs with { Video = batch.Inputs.Video.to(dtype) };
            SafeTensors.Save(Path.Combine(directory, "inputs.safetensors"), InputTensors(inputs, batch.InputIdsUnmasked), info);
            SafeTensors.Save(Path.Combine(directory, "outputs.safetensors"), Outputs(model, inputs, out var timings),
                new Dictionary<string, string>(info) { ["threads"] = $"{get_num_threads()}", ["forward_seconds"] = timings.Forward,
                    ["backward_seconds"] = timings.Backward });
            SafeTensors.Save(Path.Combine(directory, "finetune_outputs.safetensors"),
                FinetuneOutputs(model.Config, weights, inputs, batch.InputIdsUnmasked, dtype), info);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Adds normal(0, std) noise to every bias (q_bias and v_bias included) and LayerNorm weight, in parameter
    /// order, as reference/simvtp_init.py perturb_constants does.</summary>
    public static void PerturbConstants(nn.Module model, double std, Generator generator)
    {
        if (std == 0) return;
        var layerNorms = model.named_modules().Where(m => m.module is LayerNorm).Select(m => m.name).ToHashSet();
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            var owner = name.Contains('.') ? name[..name.LastIndexOf('.')] : "";
            if (!name.EndsWith("bias", StringComparison.Ordinal) && !(name.EndsWith(".weight", StringComparison.Ordinal) && layerNorms.Contains(owner)))
                continue;
            using var noise = randn(parameter.shape, parameter.dtype, generator: generator);
            using var scaled = noise * std;
            parameter.add_(scaled);
        }
    }

    private static Dictionary<string, Tensor> InputTensors(PretrainInputs inputs, Tensor unmasked) => new()
    {
        ["video"] = inputs.Video, ["bool_masked_pos"] = inputs.BoolMaskedPos, ["input_ids"] = inputs.InputIds,
        ["input_ids_unmasked"] = unmasked, ["attention_mask"] = inputs.AttentionMask, ["mlm_labels"] = inputs.MlmLabels,
        ["vtm_neg_index"] = inputs.VtmNegIndex ?? throw new ArgumentException("a parity batch needs vtm_neg_index", nameof(inputs)),
    };

    private static Dictionary<string, Tensor> Outputs(SimVtpPretrainModel model, PretrainInputs inputs, out (string Forward, string Backward) timings)
    {
        model.zero_grad();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = model.Forward(inputs);
        var forward = clock.Elapsed.TotalSeconds;
        output.LossTotal.backward();
        timings = ($"{forward:F6}", $"{clock.Elapsed.TotalSeconds - forward:F6}");
        var tensors = output.ByDumpName().ToDictionary(kv => kv.Key, kv => kv.Value.detach());
        foreach (var (name, parameter) in model.named_parameters())
            tensors[$"grad.{name}"] = parameter.grad ?? throw new InvalidOperationException($"parameter '{name}' received no gradient from the total loss");
        return tensors;
    }

    private static Dictionary<string, Tensor> FinetuneOutputs(SimVtpConfig config, Dictionary<string, Tensor> weights,
        PretrainInputs inputs, Tensor unmasked, ScalarType dtype)
    {
        using var dual = new DualEncoder(config);
        dual.to(dtype);
        dual.LoadPretrained(weights, "the pretraining model's state dict");
        dual.eval();
        using var noGrad = no_grad();
        var video = dual.VideoFeatures(inputs.Video);                                       // [B, C_e]
        var text = dual.TextFeatures(unmasked, inputs.AttentionMask);                       // [B, C_e]
        return new Dictionary<string, Tensor>
        {
            ["video_embedding"] = video, ["text_embedding"] = text,
            ["similarity"] = NormSoftmaxLoss.Similarity(text, video), ["loss_retrieval"] = dual.RetrievalLoss(video, text),
        };
    }
}
