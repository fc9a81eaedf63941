// Tolerance checks of Vtp tensors against the PyTorch reference's.
using Vtp.Tests.Support;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

internal static class ParityAssert
{
    /// <summary>
    /// Equal shapes, and every element within |actual - expected| <= rtol * (|expected| + floor * max|expected|): an
    /// element-wise relative check whose tiny floor (a share of the tensor's largest magnitude) only spares elements
    /// that are zero up to rounding.
    /// </summary>
    public static void Elementwise(Tensor expected, Tensor actual, double rtol, string what, double floor = 1e-9)
    {
        CollectionAssert.AreEqual(expected.shape, actual.shape, $"{what}: shape");
        var e = TorchAssert.Doubles(expected);
        var a = TorchAssert.Doubles(actual);
        var scale = e.Length == 0 ? 0 : e.Max(Math.Abs);
        for (int i = 0; i < e.Length; i++)
        {
            var allowed = rtol * (Math.Abs(e[i]) + floor * scale);
            if (!(Math.Abs(a[i] - e[i]) <= allowed))
                Assert.Fail($"{what}: element {i} is {a[i]:R}, expected {e[i]:R} (|diff| {Math.Abs(a[i] - e[i]):E3} > {allowed:E3}; rtol {rtol})");
        }
    }

    /// <summary>Equal shapes and a relative error of the whole tensor ||actual - expected||_2 / ||expected||_2 <= rtol.</summary>
    public static void Normwise(Tensor expected, Tensor actual, double rtol, string what)
    {
        CollectionAssert.AreEqual(expected.shape, actual.shape, $"{what}: shape");
        var e = TorchAssert.Doubles(expected);
        var a = TorchAssert.Doubles(actual);
        double difference = 0, norm = 0;
        for (int i = 0; i < e.Length; i++)
        {
            difference += (a[i] - e[i]) * (a[i] - e[i]);
            norm += e[i] * e[i];
        }
        var relative = norm == 0 ? Math.Sqrt(difference) : Math.Sqrt(difference / norm);
        Assert.IsTrue(relative <= rtol, $"{what}: relative error {relative:E3} exceeds {rtol:E1}");
    }
}
