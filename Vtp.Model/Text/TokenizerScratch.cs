namespace Vtp.Text;

/// <summary>Working storage of one encode call, reused across its captions: the ids so far and two normalisation buffers.</summary>
internal sealed class TokenizerScratch : IDisposable
{
    public List<int> Ids { get; } = new(64);

    public PooledCharBuffer Normalized { get; } = new();

    public PooledCharBuffer Working { get; } = new();

    public void Dispose()
    {
        Normalized.Dispose();
        Working.Dispose();
    }
}
