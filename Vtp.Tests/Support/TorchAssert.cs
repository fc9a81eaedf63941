// Assertions and builders shared by the tensor tests.
using static TorchSharp.torch;

namespace Vtp.Tests.Support;

internal static class TorchAssert
{
    /// <summary>Asserts element-wise |actual - expected| <= atol + rtol * |expected| and equal shapes.</summary>
    public static void Close(Tensor expected, Tensor actual, double atol = 1e-5, double rtol = 1e-5, string what = "")
    {
        CollectionAssert.AreEqual(expected.shape, actual.shape, $"{what}: shape");
        var e = Doubles(expected);
        var a = Doubles(actual);
        for (int i = 0; i < e.Length; i++)
            if (Math.Abs(a[i] - e[i]) > atol + rtol * Math.Abs(e[i]))
                Assert.Fail($"{what}: element {i} is {a[i]}, expected {e[i]} (atol {atol}, rtol {rtol})");
    }

    public static double[] Doubles(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    public static long[] Longs(Tensor t)
    {
        using var d = t.detach().to(ScalarType.Int64);
        return d.data<long>().ToArray();
    }
}
