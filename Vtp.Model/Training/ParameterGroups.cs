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

    /// <summary>AdamW groups: trainable parameters with decay, and those without (in the order of <see cref="Names"/>).</summary>
    public static AdamW.ParamGroup[] For(nn.Module model, double weightDecay)
    {
        var trainable = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        return
        [
            new AdamW.ParamGroup(Decayed(trainable, true).Select(p => p.parameter), new AdamW.Options { weight_decay = weightDecay }),
            new AdamW.ParamGroup(Decayed(trainable, false).Select(p => p.parameter), new AdamW.Options { weight_decay = 0 }),
        ];
    }

    /// <summary>The names of the parameters in the groups of <see cref="For"/>, in the optimizer's order (its state's order).</summary>
    public static IReadOnlyList<string> Names(nn.Module model)
    {
        var trainable = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        return Decayed(trainable, true).Concat(Decayed(trainable, false)).Select(p => p.name).ToList();
    }

    private static IEnumerable<(string name, Parameter parameter)> Decayed(List<(string name, Parameter parameter)> trainable, bool decayed) =>
        trainable.Where(p => SkipsWeightDecay(p.name, p.parameter) != decayed);
}
