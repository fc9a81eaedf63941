namespace Vtp.Video;

/// <summary>Derives independent, reproducible seeds from a few integers (SplitMix64 finaliser), stable across runs and platforms.</summary>
internal static class SeedMixer
{
    /// <summary>A seed for <see cref="Random"/> that depends on every part, in order.</summary>
    public static int Mix(params ReadOnlySpan<int> parts)
    {
        ulong state = 0x9E3779B97F4A7C15;
        foreach (var part in parts)
        {
            state = Finalise(state ^ (uint)part);
        }

        return (int)(state >> 33);
    }

    private static ulong Finalise(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
