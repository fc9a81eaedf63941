// The tensor dtypes and reductions as NCCL's header numbers them (ncclDataType_t, ncclRedOp_t).
using Vtp.Collectives;
using Vtp.Distributed;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
public sealed class NcclTypesTests
{
    [TestMethod]
    [DataRow(ScalarType.Int8, 0)]
    [DataRow(ScalarType.Byte, 1)]
    [DataRow(ScalarType.Int32, 2)]
    [DataRow(ScalarType.Int64, 4)]
    [DataRow(ScalarType.Float16, 6)]
    [DataRow(ScalarType.Float32, 7)]
    [DataRow(ScalarType.Float64, 8)]
    [DataRow(ScalarType.BFloat16, 9)]
    public void DtypesMapToNcclDataTypeValues(ScalarType dtype, int nccl) => Assert.AreEqual(nccl, (int)NcclTypes.DataType(dtype));

    [TestMethod]
    [DataRow(ScalarType.Bool)]
    [DataRow(ScalarType.Int16)]
    [DataRow(ScalarType.ComplexFloat32)]
    public void DtypesNcclLacksAreRefused(ScalarType dtype) =>
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => NcclTypes.DataType(dtype)).Message, $"NCCL collectives do not take {dtype} tensors");

    [TestMethod]
    [DataRow(ReduceOp.Sum, 0)]
    [DataRow(ReduceOp.Product, 1)]
    [DataRow(ReduceOp.Max, 2)]
    [DataRow(ReduceOp.Min, 3)]
    [DataRow(ReduceOp.Average, 4)]
    public void ReductionsMapToNcclRedOpValues(ReduceOp op, int nccl) => Assert.AreEqual(nccl, (int)NcclTypes.RedOp(op, ScalarType.Float32));

    [TestMethod]
    public void AverageOfIntegersIsRefused() =>
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => NcclTypes.RedOp(ReduceOp.Average, ScalarType.Int64)).Message,
            "Average needs a floating-point tensor, got Int64");
}
