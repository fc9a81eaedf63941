// What one rank asks of a collective, in a form the ranks can exchange (4 int64s) and compare before running it.
using Vtp.Collectives;

namespace Vtp.Distributed;

internal enum CollectiveKind { AllReduce = 1, Broadcast = 2, AllGather = 3, Barrier = 4 }

/// <summary>A collective call: its kind, element count (per rank for all-gather), element type and its reduction or root.</summary>
internal readonly record struct CollectiveCall(CollectiveKind Kind, long Count = 0, ElementType Type = 0, long Argument = 0)
{
    public const int Longs = 4;

    public long[] ToLongs() => [(long)Kind, Count, (long)Type, Argument];

    public static CollectiveCall FromLongs(ReadOnlySpan<long> values) =>
        new((CollectiveKind)values[0], values[1], (ElementType)values[2], values[3]);

    /// <summary>As in messages: "all_reduce (Sum, 1024 x Float32)", "broadcast (root 1, 8 x Float64)".</summary>
    public override string ToString() => Kind switch
    {
        CollectiveKind.AllReduce => $"all_reduce ({(ReduceOp)Argument}, {Count} x {Type})",
        CollectiveKind.Broadcast => $"broadcast (root {Argument}, {Count} x {Type})",
        CollectiveKind.AllGather => $"all_gather ({Count} x {Type} per rank)",
        CollectiveKind.Barrier => "barrier",
        _ => $"unknown collective {(long)Kind}",
    };
}
