// A seeded tiny-preset model and batch for the shape, error and behaviour tests.
using Vtp.Modeling;

namespace Vtp.Tests.Modeling;

internal static class TinyBatch
{
    public static SimVtpConfig Config => SimVtpConfig.Tiny;

    /// <summary>A synthetic batch of the tiny preset: B = <paramref name="batch"/>, L = <paramref name="length"/>.</summary>
    public static SyntheticBatch Create(int batch = 3, int length = 8, int seed = 11) =>
        SyntheticBatch.Create(Config, batch, length, new Random(seed));
}
