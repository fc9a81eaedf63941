// Native errors surface as exceptions with libtorch's message; misuse is caught before it reaches native code.
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class EngineErrorTests
{
    [TestMethod]
    public void ShapeMismatchThrowsLibtorchMessage()
    {
        using var a = zeros(2, 3);
        using var b = zeros(4, 5);
        var e = Assert.ThrowsExactly<ExternalException>(() => a.matmul(b));
        StringAssert.Contains(e.Message, "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
    }

    [TestMethod]
    public void ErrorsDoNotLeakIntoTheNextCall()
    {
        using var a = zeros(2, 3);
        Assert.ThrowsExactly<ExternalException>(() => a.view(7));
        using var ok = a.view(6);
        CollectionAssert.AreEqual(new long[] { 6 }, ok.shape);
    }

    [TestMethod]
    public void UseAfterDisposeThrowsObjectDisposed()
    {
        var t = ones(3);
        t.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.sum());
        t.Dispose();  // a second dispose is harmless
    }

    [TestMethod]
    public void WrongElementTypeIsRejected()
    {
        using var t = ones(3);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => t.data<long>());
        StringAssert.Contains(e.Message, "Float32");
        using var ids = tensor(new long[] { 1, 2 });
        Assert.ThrowsExactly<ExternalException>(() => nn.functional.embedding(ids, ids));
    }

    [TestMethod]
    public void DataOfTheWrongLengthIsRejected()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => tensor(new float[5], [2, 3]));
        StringAssert.Contains(e.Message, "holds 6 elements, but the data has 5");
    }

    [TestMethod]
    public void IndexOutOfRangeIsAnException()
    {
        using var t = zeros(2, 3);
        Assert.ThrowsExactly<ExternalException>(() => t[5]);
    }

    [TestMethod]
    public void DeviceDescriptionsKeepTheirIndex()
    {
        Assert.AreEqual(new Device(DeviceType.CUDA, 1), new Device("cuda:1"));
        Assert.AreEqual(new Device(DeviceType.CUDA, 2), new Device("cuda:1", 2));
        Assert.AreEqual(new Device(DeviceType.CPU), torch.device("cpu"));
        Assert.AreEqual("cuda:3", torch.device("cuda:3").ToString());
        Assert.ThrowsExactly<ArgumentException>(() => new Device("gpu"));
        Assert.ThrowsExactly<ArgumentException>(() => new Device("cuda:x"));
    }
}
