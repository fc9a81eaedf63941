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
        var done = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        void Fill(Tensor parameter, Action<Tensor> draw)
        {
            draw(parameter);
            done.Add(parameter);
        }
        if (model is SimVtpPretrainModel pretrain)
            Fill(pretrain.MaskToken, p => nn.init.trunc_normal_(p, 0, MaskTokenStd, -MaskTokenStd, MaskTokenStd, generator));
        foreach (var (name, module) in model.named_modules())
        {
            var own = module.named_parameters(recurse: false).Select(p => (Tensor)p.parameter).ToList();
            switch (module)
            {
                case Conv3d conv:
                    var bound = 1.0 / Math.Sqrt(FanIn(conv.weight));
                    foreach (var p in own) Fill(p, t => t.uniform_(-bound, bound, generator));
                    break;
                case Linear linear when name == "encoder_to_decoder":
                    var defaultBound = 1.0 / Math.Sqrt(FanIn(linear.weight));
                    foreach (var p in own) Fill(p, t => t.uniform_(-defaultBound, defaultBound, generator));
                    break;
                case Linear linear:
                    var (fanOut, fanIn) = (linear.weight.shape[0], linear.weight.shape[1]);
                    var xavier = Math.Sqrt(6.0 / (fanIn + fanOut));
                    Fill(linear.weight, t => t.uniform_(-xavier, xavier, generator));
                    if (linear.bias is not null) Fill(linear.bias, t => t.zero_());
                    break;
                case LayerNorm norm:
                    if (norm.weight is not null) Fill(norm.weight, t => t.fill_(1.0));
                    if (norm.bias is not null) Fill(norm.bias, t => t.zero_());
                    break;
                case Attention:
                    foreach (var p in own) Fill(p, t => t.zero_());  // q_bias, v_bias
                    break;
                case Embedding embedding:
                    Fill(embedding.weight, t => t.normal_(0, EmbeddingStd, generator));
                    if (name.EndsWith("word_embeddings", StringComparison.Ordinal))
                        using (var padRow = embedding.weight[SpecialTokens.Pad]) padRow.zero_();
                    break;
            }
        }
        var missed = model.named_parameters().Where(p => !done.Contains(p.parameter)).Select(p => p.name).ToList();
        if (missed.Count > 0)
            throw new InvalidOperationException($"SimVtpInit has no rule for parameters [{string.Join(", ", missed)}]");
    }

    private static long FanIn(Tensor weight) => weight.NumberOfElements / weight.shape[0];
}
