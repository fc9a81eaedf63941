// Tolerance checks of Vtp tensors against the PyTorch reference's.
using Vtp.Tests.Torch;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

internal static class ParityAssert
{
    /// <summary>
    /// Equal shapes, and every element within |actual - expected| <= rtol * (|expected| + floor * max|expected|): a
    /// relative check whose floor (a share of the tensor's largest magnitude) keeps elements that are zero up to
    /// rounding from demanding an impossible relative precision.
    /// </summary>
    public static void Close(Tensor expected, Tensor actual, double rtol, string what, double floor = 1e-3)
    {
        CollectionAssert.AreEqual(expected.shape, actual.shape, $"{what}: shape");
        var e = TorchAssert.Doubles(expected);
        var a = TorchAssert.Doubles(actual);
        var scale = e.Length == 0 ? 0 : e.Max(Math.Abs);
        for (int i = 0; i < e.Length; i++)
        {
            var allowed = rtol * (Math.Abs(e[i]) + floor * scale);
            if (!(Math.Abs(a[i] - e[i]) <= allowed))
                Assert.Fail($"{what}: element {i} is {a[i]:R}, expected {e[i]:R} (|diff| {Math.Abs(a[i] - e[i]):E3} > {allowed:E3}; rtol {rtol}, max|e| {scale:E3})");
        }
    }

    /// <summary>The largest |actual - expected| / (|expected| + floor * max|expected|) over the elements.</summary>
    public static double WorstRelative(Tensor expected, Tensor actual, double floor = 1e-3)
    {
        var e = TorchAssert.Doubles(expected);
        var a = TorchAssert.Doubles(actual);
        var scale = e.Length == 0 ? 0 : e.Max(Math.Abs);
        double worst = 0;
        for (int i = 0; i < e.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - e[i]) / (Math.Abs(e[i]) + floor * scale + double.Epsilon));
        return worst;
    }
}
