// Port of the official initialisation (VideoMAE modeling_pretrain.py _init_weights, BERT's init for the text
// embeddings, SimVTP's xavier init of text_cls and vtm_head), seeded, in the draw order of reference/simvtp_init.py.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// The official random initialisation (SIMVTP.md §2.6), every draw from one seeded generator:
/// Linear layers xavier-uniform with zero bias; the Conv3d patch embedding and encoder_to_decoder keep PyTorch's
/// default U(±1/sqrt(fan_in)) (weight and bias); LayerNorms 1 and 0; q_bias and v_bias 0; mask_token normal(0, 0.02)
/// truncated to ±0.02; BERT embeddings normal(0, 0.02) with the [PAD] row zeroed.
/// </summary>
public static class SimVtpInit
{
    private const double EmbeddingStd = 0.02;
    private const double MaskTokenStd = 0.02;

    /// <summary>Overwrites every parameter of a SimVTP model (pretraining model or dual encoder) in place.</summary>
    /// <exception cref="InvalidOperationException">A parameter has no rule (a module this init does not know).</exception>
    public static void Initialize(nn.Module model, Generator generator)
    {
        using var noGrad = no_grad();
        var done = new HashSet<string>();                   // by name: TorchSharp may hand out a new wrapper per access
        foreach (var (name, module) in PreOrder("", model))
        {
            var own = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => (Tensor)p.parameter);
            void Fill(string parameter, Action<Tensor> draw)
            {
                draw(own[parameter]);
                done.Add(name.Length == 0 ? parameter : $"{name}.{parameter}");
            }
            void FillAll(Action<Tensor> draw)
            {
                foreach (var parameter in own.Keys) Fill(parameter, draw);
            }
            switch (module)
            {
                case SimVtpPretrainModel:
                    Fill("mask_token", p => TruncatedNormal(p, MaskTokenStd, generator));
                    break;
                case Conv3d:
                    var bound = 1.0 / Math.Sqrt(FanIn(own["weight"]));
                    FillAll(t => t.uniform_(-bound, bound, generator));
                    break;
                case Linear when name == "encoder_to_decoder":
                    var defaultBound = 1.0 / Math.Sqrt(FanIn(own["weight"]));
                    FillAll(t => t.uniform_(-defaultBound, defaultBound, generator));
                    break;
                case Linear:
                    var (fanOut, fanIn) = (own["weight"].shape[0], own["weight"].shape[1]);
                    var xavier = Math.Sqrt(6.0 / (fanIn + fanOut));
                    Fill("weight", t => t.uniform_(-xavier, xavier, generator));
                    if (own.ContainsKey("bias")) Fill("bias", t => t.zero_());
                    break;
                case LayerNorm:
                    if (own.ContainsKey("weight")) Fill("weight", t => t.fill_(1.0));
                    if (own.ContainsKey("bias")) Fill("bias", t => t.zero_());
                    break;
                case Attention:
                    FillAll(t => t.zero_());  // q_bias, v_bias
                    break;
                case Embedding:
                    Fill("weight", t => t.normal_(0, EmbeddingStd, generator));
                    if (name.EndsWith("word_embeddings", StringComparison.Ordinal))
                        using (var padRow = own["weight"][SpecialTokens.Pad]) padRow.zero_();
                    break;
            }
        }
        var missed = model.named_parameters().Select(p => p.name).Where(n => !done.Contains(n)).ToList();
        if (missed.Count > 0)
            throw new InvalidOperationException($"SimVtpInit has no rule for parameters [{string.Join(", ", missed)}]");
    }

    // PyTorch's named_modules order (the module, then each child's subtree), which fixes the draw order; TorchSharp's
    // named_modules leaves the module itself out and lists all children before any grandchild.
    private static IEnumerable<(string Name, nn.Module Module)> PreOrder(string name, nn.Module module) =>
        module.named_children().SelectMany(c => PreOrder(name.Length == 0 ? c.name : $"{name}.{c.name}", c.module)).Prepend((name, module));

    // Normal(0, std) truncated to [-std, std] by inverse-CDF sampling, PyTorch's trunc_normal_ algorithm (TorchSharp's
    // trunc_normal_ draws differently from the same generator).
    // The bounds are 2 Phi(-+1) - 1 = -+erf(1/sqrt 2).
    private static void TruncatedNormal(Tensor tensor, double std, Generator generator) =>
        tensor.uniform_(-ErfOfOneOverSqrt2, ErfOfOneOverSqrt2, generator).erfinv_().mul_(std * Math.Sqrt(2)).clamp_(-std, std);

    private const double ErfOfOneOverSqrt2 = 0.6826894921370859;            // P(|Z| < 1) for a standard normal Z

    private static long FanIn(Tensor weight) => weight.NumberOfElements / weight.shape[0];
}
