#nullable disable
using System.Numerics;

namespace Microsoft.ML.Data;

/// <summary>
/// The 128-bit identifier of a row. Derived identifiers (<see cref="Fork"/>, <see cref="Next"/>,
/// <see cref="Combine"/>) treat the value as an unmixed MurmurHash3 x64-128 state, so they stay distinct.
/// </summary>
public readonly struct DataViewRowId : IComparable<DataViewRowId>, IEquatable<DataViewRowId>
{
    // MurmurHash3 x64-128 multipliers and per-block additive constants.
    private const ulong C1 = 0x87c37b91114253d5;
    private const ulong C2 = 0x4cf5ad432745937f;
    private const ulong Add1 = 0x52dce729;
    private const ulong Add2 = 0x38495ab5;

    /// <summary>The low 64 bits.</summary>
    public readonly ulong Low;

    /// <summary>The high 64 bits.</summary>
    public readonly ulong High;

    /// <summary>Creates an identifier from its two halves.</summary>
    public DataViewRowId(ulong low, ulong high)
    {
        Low = low;
        High = high;
    }

    /// <summary>32 lowercase hex digits, high half first.</summary>
    public override string ToString() => $"{High:x16}{Low:x16}";

    /// <summary>Orders by <see cref="High"/>, then <see cref="Low"/>.</summary>
    public int CompareTo(DataViewRowId other)
    {
        int result = High.CompareTo(other.High);
        return result != 0 ? result : Low.CompareTo(other.Low);
    }

    /// <inheritdoc/>
    public bool Equals(DataViewRowId other) => Low == other.Low && High == other.High;

    /// <inheritdoc/>
    public override bool Equals(object obj) => obj is DataViewRowId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Low, High);

    /// <summary>The state after hashing 16 more bytes that are zero except the last bit.</summary>
    public DataViewRowId Fork()
    {
        DataViewRowId mixed = MixBlock(Low, High, 0);
        return new DataViewRowId(mixed.Low ^ Scramble1(1), mixed.High);
    }

    /// <summary>The state after hashing 16 more zero bytes.</summary>
    public DataViewRowId Next() => MixBlock(Low, High, 0);

    /// <summary>The state after hashing the <see cref="Fork"/> of <paramref name="other"/> as one 16-byte block.</summary>
    public DataViewRowId Combine(DataViewRowId other)
    {
        DataViewRowId forked = other.Fork();
        return MixBlock(Low ^ Scramble1(forked.Low), High, Scramble2(forked.High));
    }

    private static ulong Scramble1(ulong k) => BitOperations.RotateLeft(k * C1, 31) * C2;

    private static ulong Scramble2(ulong k) => BitOperations.RotateLeft(k * C2, 33) * C1;

    // The body step of one MurmurHash3 block: h1 already holds its scrambled key; k2 is xor-ed into h2 after h1 moves.
    private static DataViewRowId MixBlock(ulong h1, ulong h2, ulong scrambledK2)
    {
        h1 = BitOperations.RotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + Add1;
        h2 ^= scrambledK2;
        h2 = BitOperations.RotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + Add2;
        return new DataViewRowId(h1, h2);
    }
}
