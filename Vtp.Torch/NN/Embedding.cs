// Embedding: a lookup table of num_embeddings vectors, initialised N(0, 1) as PyTorch does.
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public sealed class Embedding : nn.Module<Tensor, Tensor>
{
    public Parameter weight;
    private readonly long? padding_idx;

    internal Embedding(long num_embeddings, long embedding_dims, long? padding_idx, Device? device, ScalarType? dtype) : base(nameof(Embedding))
    {
        weight = new Parameter(empty([num_embeddings, embedding_dims], dtype, device));
        this.padding_idx = padding_idx;
        using (no_grad())
        {
            weight.normal_();
            if (padding_idx.HasValue) weight[padding_idx.Value].zero_();
        }
        RegisterComponents();
    }

    /// <summary>ids [*] (int64) -> [*, embedding_dims]</summary>
    public override Tensor forward(Tensor input) => nn.functional.embedding(input, weight, padding_idx);
}
