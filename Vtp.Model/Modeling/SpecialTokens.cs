// The bert-base-uncased special token ids and the label that cross-entropy ignores (SIMVTP.md §1.2-§1.3).
namespace Vtp.Modeling;

/// <summary>Token ids of bert-base-uncased that SimVTP relies on, and the ignored MLM label.</summary>
public static class SpecialTokens
{
    /// <summary>[PAD]: padding; row 0 of word_embeddings never receives a gradient.</summary>
    public const long Pad = 0;
    /// <summary>[UNK]: unknown word.</summary>
    public const long Unk = 100;
    /// <summary>[CLS]: first token of every caption.</summary>
    public const long Cls = 101;
    /// <summary>[SEP]: last real token of every caption.</summary>
    public const long Sep = 102;
    /// <summary>[MASK]: replaces every token picked for MLM.</summary>
    public const long Mask = 103;
    /// <summary>MLM label of tokens that were not picked; cross-entropy skips it.</summary>
    public const long IgnoreIndex = -100;
}
