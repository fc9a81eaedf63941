// Operation codes shared with the native shim (native/src/tensor_math.cpp). Keep both sides in sync.
namespace TorchSharp.Native;

internal enum UnaryOp
{
    Neg, Exp, Log, Sqrt, Rsqrt, Abs, Sin, Cos, Tanh, Sigmoid, Relu, Gelu, GeluTanh, Erf, Floor, Ceil, Round,
    LogicalNot, Sign, Reciprocal, Square, Log1p, IsNan, IsInf, Silu, Trunc, Log2, IsFinite, Erfinv,
}

internal enum BinaryOp
{
    Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge, LogicalAnd, LogicalOr, LogicalXor, Remainder,
    Atan2, FloorDivide, TruncDivide, BitwiseAnd, BitwiseOr,
}

internal enum ReduceOp { Sum, Mean, Prod, Amax, Amin, LogSumExp, All, Any, CountNonzero }

internal enum ValuesIndicesOp { Max, Min, Sort, TopK, Mode, KthValue }

internal enum ArgOp { ArgMax, ArgMin, ArgSort }

internal enum IndexKind : sbyte { None, Ellipsis, Single, Slice, Tensor, Boolean }
