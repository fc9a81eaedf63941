// Port of VideoMAE modeling_finetune.py: Attention (qkv without bias plus q_bias/v_bias, zero k bias), with the
// additive key mask SimVTP's modeling_pretrain.py adds before the softmax.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// Multi-head self-attention: qkv = x Wqkv^T + [q_bias, 0, v_bias], softmax(q k^T / sqrt(hs) + key_logits) v, then
/// proj. key_logits is 0 for valid keys and -10000 for padded text keys; no attention or projection dropout.
/// </summary>
public sealed class Attention : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly Parameter q_bias;
    private readonly Parameter v_bias;
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly int numHeads;

    /// <param name="dim">C, the block width.</param>
    /// <param name="numHeads">nh; must divide <paramref name="dim"/>.</param>
    public Attention(int dim, int numHeads) : base(nameof(Attention))
    {
        if (numHeads <= 0 || dim % numHeads != 0)
            throw new ArgumentException($"attention width {dim} is not divisible by heads {numHeads}", nameof(numHeads));
        this.numHeads = numHeads;
        q_bias = nn.Parameter(zeros(dim));
        v_bias = nn.Parameter(zeros(dim));
        qkv = nn.Linear(dim, 3L * dim, hasBias: false);
        proj = nn.Linear(dim, dim);
        RegisterComponents();
    }

    /// <summary>[B, S, C] and key logits [B, 1, 1, S] (or null: every key valid) -> [B, S, C]</summary>
    public override Tensor forward(Tensor x, Tensor? keyLogits)
    {
        using var scope = NewDisposeScope();
        var (B, S, C) = (x.shape[0], x.shape[1], x.shape[2]);
        var bias = cat([q_bias, zeros_like(v_bias), v_bias]);                              // [3C]
        var q_k_v = nn.functional.linear(x, qkv.weight, bias)                               // [B, S, 3C]
            .reshape(B, S, 3, numHeads, C / numHeads).permute(2, 0, 3, 1, 4);               // [3, B, nh, S, hs]
        // libtorch's fused attention: softmax(q k^T / sqrt(hs) + keyLogits) v without the [S, S] logits in memory
        // (measured 1.8x faster than the explicit product at 1568 tokens, level at 200: docs/benchmarks.md).
        var attended = nn.functional.scaled_dot_product_attention(q_k_v[0], q_k_v[1], q_k_v[2], keyLogits);   // [B, nh, S, hs]
        var merged = attended.transpose(1, 2).reshape(B, S, C);                             // [B, S, C]
        return proj.call(merged).MoveToOuterDisposeScope();
    }
}
