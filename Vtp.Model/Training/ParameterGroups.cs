// Which parameters get weight decay: the official rule of SimVTP/VideoMAE (optim_factory.get_parameter_groups).
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Training;

public static class ParameterGroups
{
    private static readonly string[] NoDecayNames = ["pos_embed", "cls_token", "mask_token"];

    /// <summary>
    /// True for parameters trained without weight decay: 1-D tensors (LayerNorm weights, biases, q/v biases), names
    /// ending ".bias", and the position embedding, class and mask tokens. The BERT word embedding is decayed.
    /// </summary>
    public static bool SkipsWeightDecay(string name, Parameter parameter) =>
        parameter.shape.Length == 1 || name.EndsWith(".bias", StringComparison.Ordinal) ||
        NoDecayNames.Any(n => name == n || name.EndsWith("." + n, StringComparison.Ordinal));

    /// <summary>AdamW groups: trainable parameters with decay, and those without.</summary>
    public static AdamW.ParamGroup[] For(nn.Module model, double weightDecay)
    {
        var trainable = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        var decay = trainable.Where(p => !SkipsWeightDecay(p.name, p.parameter)).Select(p => p.parameter).ToList();
        var noDecay = trainable.Where(p => SkipsWeightDecay(p.name, p.parameter)).Select(p => p.parameter).ToList();
        return
        [
            new AdamW.ParamGroup(decay, new AdamW.Options { weight_decay = weightDecay }),
            new AdamW.ParamGroup(noDecay, new AdamW.Options { weight_decay = 0 }),
        ];
    }
}
