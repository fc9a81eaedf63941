// Port of VideoMAE modeling_finetune.py get_sinusoid_encoding_table: the fixed 1-D position table of the encoder
// and the decoder. Not a parameter and not in the state dict: it is recomputed at construction, as officially.
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>
/// A fixed sinusoid table [1, N, C]: angle(p, j) = p / 10000^(2*floor(j/2)/C), sin on even j, cos on odd j,
/// computed in float64 and rounded to float32 as the official numpy code does.
/// </summary>
internal sealed class SinusoidTable : IDisposable
{
    private readonly Tensor table;  // [1, N, C] float32, owned, outside every dispose scope

    public SinusoidTable(int positions, int dim)
    {
        var values = new float[(long)positions * dim];
        var denominators = new double[dim];
        for (int j = 0; j < dim; j++) denominators[j] = Math.Pow(10000.0, 2.0 * (j / 2) / dim);
        for (int p = 0; p < positions; p++)
            for (int j = 0; j < dim; j++)
            {
                var angle = p / denominators[j];
                values[(long)p * dim + j] = (float)(j % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        table = tensor(values, [1, positions, dim]).DetachFromDisposeScope();
    }

    /// <summary>The table in the dtype and on the device of <paramref name="like"/>: [1, N, C].</summary>
    public Tensor For(Tensor like) => table.to(like.dtype, like.device);

    public void Dispose() => table.Dispose();
}
