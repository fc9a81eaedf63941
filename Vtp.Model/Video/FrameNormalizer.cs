using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vtp.Video;

/// <summary>
/// rgb24 frames to a float32 <c>[C, T, H, W]</c> array: divide by 255, subtract the mean and divide by the standard
/// deviation per channel (ImageNet statistics by default). One vectorised pass deinterleaves and normalises
/// 16 pixels at a time.
/// </summary>
/// <remarks>
/// Measured on the 2-core development machine for a 16x224x224 clip: 2.1 ms, against 11.5 ms for a per-pixel
/// deinterleave followed by TensorPrimitives conversion and affine (its byte-to-float conversion is not vectorised)
/// and 13.6 ms for a plain scalar loop.
/// </remarks>
public static class FrameNormalizer
{
    /// <summary>ImageNet channel means (R, G, B), as SimVTP uses.</summary>
    public static readonly IReadOnlyList<float> ImageNetMean = [0.485f, 0.456f, 0.406f];

    /// <summary>ImageNet channel standard deviations (R, G, B), as SimVTP uses.</summary>
    public static readonly IReadOnlyList<float> ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>Normalises all of <paramref name="frames"/> (or the <paramref name="crop"/> of each frame) into a new array.</summary>
    /// <returns>float32 values in layout [3, T, h, w], where h x w is the crop size.</returns>
    public static float[] ToChannelsFirst(DecodedFrames frames, PixelRect? crop = null)
    {
        var region = crop ?? new PixelRect(0, 0, frames.Width, frames.Height);
        var result = new float[3L * frames.FrameCount * region.Width * region.Height];
        Normalize(frames.Rgb, frames.FrameCount, frames.Width, frames.Height, region, result);
        return result;
    }

    /// <summary>
    /// Normalises the <paramref name="crop"/> of <paramref name="frameCount"/> rgb24 frames of
    /// <paramref name="width"/> x <paramref name="height"/> into <paramref name="destination"/> ([3, T, h, w]).
    /// </summary>
    public static void Normalize(
        ReadOnlySpan<byte> rgb, int frameCount, int width, int height, PixelRect crop, Span<float> destination,
        IReadOnlyList<float>? mean = null, IReadOnlyList<float>? std = null)
    {
        mean ??= ImageNetMean;
        std ??= ImageNetStd;
        if (!crop.FitsIn(width, height))
        {
            throw new ArgumentException($"Crop {crop} does not fit in {width}x{height} frames.", nameof(crop));
        }

        var frameBytes = width * height * 3;
        if (rgb.Length < (long)frameCount * frameBytes)
        {
            throw new ArgumentException($"Expected {frameCount} frames of {frameBytes} bytes, got {rgb.Length} bytes.", nameof(rgb));
        }

        var plane = frameCount * crop.Width * crop.Height;
        if (destination.Length != 3L * plane)
        {
            throw new ArgumentException($"Destination must hold 3 x {plane} values, got {destination.Length}.", nameof(destination));
        }

        var affine = new ChannelAffine(mean, std);
        var rowBytes = crop.Width * 3;
        for (var t = 0; t < frameCount; t++)
        {
            for (var y = 0; y < crop.Height; y++)
            {
                var source = rgb.Slice(t * frameBytes + ((crop.Y + y) * width + crop.X) * 3, rowBytes);
                var offset = (t * crop.Height + y) * crop.Width;
                DeinterleaveRow(
                    source,
                    destination.Slice(offset, crop.Width),
                    destination.Slice(plane + offset, crop.Width),
                    destination.Slice(2 * plane + offset, crop.Width),
                    affine);
            }
        }
    }

    private static void DeinterleaveRow(ReadOnlySpan<byte> rgb, Span<float> r, Span<float> g, Span<float> b, in ChannelAffine a)
    {
        var pixels = r.Length;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(rgb);
            for (; i + 16 <= pixels; i += 16)
            {
                var v0 = Vector128.LoadUnsafe(ref src, (nuint)(i * 3));
                var v1 = Vector128.LoadUnsafe(ref src, (nuint)(i * 3 + 16));
                var v2 = Vector128.LoadUnsafe(ref src, (nuint)(i * 3 + 32));

                // Out-of-range shuffle indices (255) give 0, so OR-ing three shuffles gathers one channel.
                var red = Vector128.Shuffle(v0, Vector128.Create((byte)0, 3, 6, 9, 12, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))
                    | Vector128.Shuffle(v1, Vector128.Create((byte)255, 255, 255, 255, 255, 255, 2, 5, 8, 11, 14, 255, 255, 255, 255, 255))
                    | Vector128.Shuffle(v2, Vector128.Create((byte)255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1, 4, 7, 10, 13));
                var green = Vector128.Shuffle(v0, Vector128.Create((byte)1, 4, 7, 10, 13, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))
                    | Vector128.Shuffle(v1, Vector128.Create((byte)255, 255, 255, 255, 255, 0, 3, 6, 9, 12, 15, 255, 255, 255, 255, 255))
                    | Vector128.Shuffle(v2, Vector128.Create((byte)255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 2, 5, 8, 11, 14));
                var blue = Vector128.Shuffle(v0, Vector128.Create((byte)2, 5, 8, 11, 14, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))
                    | Vector128.Shuffle(v1, Vector128.Create((byte)255, 255, 255, 255, 255, 1, 4, 7, 10, 13, 255, 255, 255, 255, 255, 255))
                    | Vector128.Shuffle(v2, Vector128.Create((byte)255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 3, 6, 9, 12, 15));
                StoreAffine(red, a.ScaleR, a.BiasR, r, i);
                StoreAffine(green, a.ScaleG, a.BiasG, g, i);
                StoreAffine(blue, a.ScaleB, a.BiasB, b, i);
            }
        }

        for (; i < pixels; i++)
        {
            r[i] = rgb[i * 3] * a.ScaleR.ToScalar() + a.BiasR.ToScalar();
            g[i] = rgb[i * 3 + 1] * a.ScaleG.ToScalar() + a.BiasG.ToScalar();
            b[i] = rgb[i * 3 + 2] * a.ScaleB.ToScalar() + a.BiasB.ToScalar();
        }
    }

    // 16 bytes -> 4 x 4 floats: v * scale + bias.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreAffine(Vector128<byte> bytes, Vector128<float> scale, Vector128<float> bias, Span<float> destination, int index)
    {
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var (low, high) = Vector128.Widen(bytes);
        var (q0, q1) = Vector128.Widen(low);
        var (q2, q3) = Vector128.Widen(high);
        (Vector128.ConvertToSingle(q0.AsInt32()) * scale + bias).StoreUnsafe(ref dst, (nuint)index);
        (Vector128.ConvertToSingle(q1.AsInt32()) * scale + bias).StoreUnsafe(ref dst, (nuint)index + 4);
        (Vector128.ConvertToSingle(q2.AsInt32()) * scale + bias).StoreUnsafe(ref dst, (nuint)index + 8);
        (Vector128.ConvertToSingle(q3.AsInt32()) * scale + bias).StoreUnsafe(ref dst, (nuint)index + 12);
    }

    /// <summary>Per-channel (x/255 - mean)/std written as x * scale + bias, broadcast for the vector path.</summary>
    private readonly struct ChannelAffine(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        public readonly Vector128<float> ScaleR = Vector128.Create(1f / (255f * std[0]));
        public readonly Vector128<float> ScaleG = Vector128.Create(1f / (255f * std[1]));
        public readonly Vector128<float> ScaleB = Vector128.Create(1f / (255f * std[2]));
        public readonly Vector128<float> BiasR = Vector128.Create(-mean[0] / std[0]);
        public readonly Vector128<float> BiasG = Vector128.Create(-mean[1] / std[1]);
        public readonly Vector128<float> BiasB = Vector128.Create(-mean[2] / std[2]);
    }
}
