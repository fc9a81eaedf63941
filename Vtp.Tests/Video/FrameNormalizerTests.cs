using Vtp.Video;

namespace Vtp.Tests.Video;

[TestClass]
public sealed class FrameNormalizerTests
{
    [TestMethod]
    public void Normalize_KnownPixel_MatchesHandComputedValues()
    {
        // (255/255 - 0.485)/0.229 = 2.2489083; (128/255 - 0.456)/0.224 = 0.2051821; (0 - 0.406)/0.225 = -1.8044444.
        var frames = new DecodedFrames(TestMedia.SolidFrames(1, 20, 1, 255, 128, 0), 1, 20, 1, 0, FrameDecodeStrategy.Select);
        var values = FrameNormalizer.ToChannelsFirst(frames);

        foreach (var (channel, expected) in new[] { (0, 2.2489083f), (1, 0.2051821f), (2, -1.8044444f) })
        {
            for (var x = 0; x < 20; x++)
            {
                Assert.AreEqual(expected, values[channel * 20 + x], 1e-5f, $"channel {channel}, x {x}");
            }
        }
    }

    [TestMethod]
    public void Normalize_RandomFramesWithCrop_MatchesAScalarOracleInCTHWLayout()
    {
        // 37-pixel rows exercise both the 16-pixel vector path and the scalar tail.
        const int t = 3, w = 45, h = 7;
        var rgb = TestMedia.NoiseFrames(t, w, h, seed: 2);
        var crop = new PixelRect(5, 2, 37, 4);
        var values = FrameNormalizer.ToChannelsFirst(new DecodedFrames(rgb, t, w, h, 0, FrameDecodeStrategy.Select), crop);

        double[] mean = [0.485, 0.456, 0.406], std = [0.229, 0.224, 0.225];
        Assert.AreEqual(3 * t * crop.Width * crop.Height, values.Length);
        for (var c = 0; c < 3; c++)
        {
            for (var f = 0; f < t; f++)
            {
                for (var y = 0; y < crop.Height; y++)
                {
                    for (var x = 0; x < crop.Width; x++)
                    {
                        var pixel = rgb[((f * h + crop.Y + y) * w + crop.X + x) * 3 + c];
                        var expected = (pixel / 255.0 - mean[c]) / std[c];
                        var actual = values[((c * t + f) * crop.Height + y) * crop.Width + x];
                        Assert.AreEqual(expected, actual, 1e-5, $"c{c} t{f} y{y} x{x}");
                    }
                }
            }
        }
    }

    [TestMethod]
    public void Normalize_DestinationOfWrongLength_ThrowsWithBothSizes()
    {
        var rgb = new byte[4 * 4 * 3];
        var e = Assert.ThrowsExactly<ArgumentException>(
            () => FrameNormalizer.Normalize(rgb, 1, 4, 4, new PixelRect(0, 0, 4, 4), new float[10]));
        StringAssert.Contains(e.Message, "3 x 16 values, got 10");
    }
}
