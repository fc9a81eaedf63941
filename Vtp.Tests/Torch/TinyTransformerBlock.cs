// A pre-norm transformer block used by the engine's training and memory tests.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

internal sealed class TinyTransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1, norm2;
    private readonly Linear qkv, proj, fc1, fc2;
    private readonly long heads;

    public TinyTransformerBlock(long dim, long heads) : base(nameof(TinyTransformerBlock))
    {
        this.heads = heads;
        norm1 = nn.LayerNorm(dim, 1e-6);
        qkv = nn.Linear(dim, 3 * dim);
        proj = nn.Linear(dim, dim);
        norm2 = nn.LayerNorm(dim, 1e-6);
        fc1 = nn.Linear(dim, 4 * dim);
        fc2 = nn.Linear(4 * dim, dim);
        RegisterComponents();
    }

    /// <summary>[B, N, C] -> [B, N, C]</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (B, N, C) = (x.shape[0], x.shape[1], x.shape[2]);
        var q_k_v = qkv.call(norm1.call(x)).view(B, N, 3, heads, C / heads).permute(2, 0, 3, 1, 4);  // [3, B, nh, N, hs]
        var attn = nn.functional.scaled_dot_product_attention(q_k_v[0], q_k_v[1], q_k_v[2]);          // [B, nh, N, hs]
        x = x + proj.call(attn.transpose(1, 2).reshape(B, N, C));
        x = x + fc2.call(nn.functional.gelu(fc1.call(norm2.call(x))));
        return x.MoveToOuterDisposeScope();
    }
}
