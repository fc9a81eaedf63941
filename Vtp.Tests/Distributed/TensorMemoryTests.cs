// The tensor address handed to NCCL (THSTensor_data through TorchSharp's loaded native library), checked on CPU
// tensors, whose memory TorchSharp's public API also exposes.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vtp.Native;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

[TestClass]
public sealed unsafe class TensorMemoryTests
{
    [TestMethod]
    [DataRow(ScalarType.Float32)]
    [DataRow(ScalarType.Float16)]
    [DataRow(ScalarType.BFloat16)]
    [DataRow(ScalarType.Int64)]
    public void TheAddressIsTheTensorsOwnMemory(ScalarType dtype)
    {
        using var whole = arange(12).reshape(3, 4).to(dtype);
        var first = (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetReference(whole.bytes));
        Assert.AreEqual(first, TensorMemory.Address(whole), "the same memory as Tensor.bytes, not a converted copy");
        using var row = whole[1];                                                           // storage offset 4 elements
        Assert.AreEqual(first + 4 * (int)whole.element_size(), TensorMemory.Address(row));
    }

    [TestMethod]
    public void WritingThroughTheAddressChangesTheTensor()
    {
        using var data = zeros(2, 3);
        using var row = data[1];
        ((float*)TensorMemory.Address(row))[2] = 42;
        Assert.AreEqual(42f, data[1, 2].item<float>());
    }

    [TestMethod]
    public void AnEmptyTensorHasNoAddress()
    {
        using var empty = zeros(0);
        Assert.AreEqual(IntPtr.Zero, TensorMemory.Address(empty));
    }
}
