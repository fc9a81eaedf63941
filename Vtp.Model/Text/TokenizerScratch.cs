namespace Vtp.Text;

/// <summary>Working storage of one encode call, reused across its texts: the tokens so far and the normalised stretch.</summary>
internal sealed class TokenizerScratch : IDisposable
{
    public List<TokenSpan> Tokens { get; } = new(64);

    public AlignedText Normalized { get; } = new();

    public void Dispose() => Normalized.Dispose();
}
