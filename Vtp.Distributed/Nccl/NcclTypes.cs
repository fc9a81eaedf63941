// NCCL's element types and reductions (ncclDataType_t, ncclRedOp_t), and how tensors and ReduceOp map onto them.
//
// Values as NCCL's public header declares them (src/nccl.h.in, read at NVIDIA/nccl commit 021e804); they have not
// changed since NCCL 2.10, the first release with ncclAvg, which is therefore the oldest NCCL this binding serves.
using Vtp.Collectives;
using static TorchSharp.torch;

namespace Vtp.Distributed;

/// <summary>ncclDataType_t: the element types Vtp hands NCCL.</summary>
internal enum NcclDataType
{
    Int8 = 0,
    UInt8 = 1,
    Int32 = 2,
    Int64 = 4,
    Float16 = 6,
    Float32 = 7,
    Float64 = 8,
    BFloat16 = 9,
}

/// <summary>ncclRedOp_t: NCCL's built-in reductions.</summary>
internal enum NcclRedOp
{
    Sum = 0,
    Product = 1,
    Max = 2,
    Min = 3,
    Average = 4,
}

internal static class NcclTypes
{
    /// <summary>The NCCL element type of <paramref name="dtype"/>.</summary>
    /// <exception cref="ArgumentException">NCCL has no such type (bool, int16, complex).</exception>
    public static NcclDataType DataType(ScalarType dtype) => dtype switch
    {
        ScalarType.Int8 => NcclDataType.Int8,
        ScalarType.Byte => NcclDataType.UInt8,
        ScalarType.Int32 => NcclDataType.Int32,
        ScalarType.Int64 => NcclDataType.Int64,
        ScalarType.Float16 => NcclDataType.Float16,
        ScalarType.Float32 => NcclDataType.Float32,
        ScalarType.Float64 => NcclDataType.Float64,
        ScalarType.BFloat16 => NcclDataType.BFloat16,
        _ => throw new ArgumentException($"NCCL collectives do not take {dtype} tensors (int8, uint8, int32, int64, float16, bfloat16, float32, float64)."),
    };

    /// <summary>The NCCL reduction of <paramref name="op"/> on elements of <paramref name="dtype"/>.</summary>
    /// <exception cref="ArgumentException">Average on an integer type (as with Gloo: use Sum and divide).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="op"/> is not defined.</exception>
    public static NcclRedOp RedOp(ReduceOp op, ScalarType dtype) => op switch
    {
        ReduceOp.Sum => NcclRedOp.Sum,
        ReduceOp.Product => NcclRedOp.Product,
        ReduceOp.Min => NcclRedOp.Min,
        ReduceOp.Max => NcclRedOp.Max,
        ReduceOp.Average when dtype is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64 => NcclRedOp.Average,
        ReduceOp.Average => throw new ArgumentException($"Average needs a floating-point tensor, got {dtype}; use Sum and divide.", nameof(op)),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, $"Reduction {(int)op} is not defined."),
    };
}
