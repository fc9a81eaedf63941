using Vtp.Video;

namespace Vtp.Tests.Video;

/// <summary>Crop rectangles against values worked out by hand from SIMVTP.md 1.1 and 1.5.</summary>
[TestClass]
public sealed class SpatialSamplerTests
{
    [TestMethod]
    public void FixedOffsets_640x360Crop315x270_AreTheThirteenQuarterGridPoints()
    {
        // dw = (640-315)//4 = 81, dh = (360-270)//4 = 22.
        (int, int)[] expected =
        [
            (0, 0), (324, 0), (0, 88), (324, 88), (162, 44), (0, 44), (324, 44), (162, 88), (162, 0),
            (81, 22), (243, 22), (81, 66), (243, 66),
        ];
        CollectionAssert.AreEqual(expected, SpatialSampler.FixedOffsets(640, 360, 315, 270));
    }

    [TestMethod]
    public void MultiScaleCrop_640x360_UsesOnlyNeighbouringScalePairsAndFixedOffsets()
    {
        // Sides int(360 * [1, .875, .75, .66]) = 360, 315, 270, 237; none within 3 px of 224. Pairs with |i-j| <= 1: 10.
        int[] sides = [360, 315, 270, 237];
        var allowed = new HashSet<(int, int)>();
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                if (Math.Abs(i - j) <= 1)
                {
                    allowed.Add((sides[j], sides[i]));
                }
            }
        }

        var seen = new HashSet<(int, int)>();
        for (var seed = 0; seed < 300; seed++)
        {
            var crop = SpatialSampler.MultiScaleCrop(640, 360, 224, new Random(seed));
            Assert.IsTrue(allowed.Contains((crop.Width, crop.Height)), $"{crop} has a disallowed size");
            CollectionAssert.Contains(SpatialSampler.FixedOffsets(640, 360, crop.Width, crop.Height), (crop.X, crop.Y));
            seen.Add((crop.Width, crop.Height));
        }

        Assert.AreEqual(10, seen.Count);
    }

    [TestMethod]
    public void MultiScaleCrop_SideWithinThreePixels_SnapsToTheOutputSize()
    {
        // min side 258: 258*.875 = 225.75 -> 225, within 3 of 224 -> 224; 258*.75 = 193; 258*.66 = 170.
        var sides = new HashSet<int>();
        for (var seed = 0; seed < 300; seed++)
        {
            var crop = SpatialSampler.MultiScaleCrop(300, 258, 224, new Random(seed));
            sides.Add(crop.Width);
            sides.Add(crop.Height);
        }

        CollectionAssert.AreEquivalent(new[] { 258, 224, 193, 170 }, sides.ToArray());
    }

    [TestMethod]
    public void MultiScaleCrop_SideSnappedPastTheFrame_IsClampedToIt()
    {
        // min side 222 is within 3 px of 224, so the scale-1 side snaps to 224, which the height cannot hold.
        for (var seed = 0; seed < 100; seed++)
        {
            var crop = SpatialSampler.MultiScaleCrop(300, 222, 224, new Random(seed));
            Assert.IsTrue(crop.FitsIn(300, 222), crop.ToString());
        }
    }

    [TestMethod]
    public void RandomResizedCrop_StaysInsideWithAreaAndAspectInRange()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var crop = SpatialSampler.RandomResizedCrop(320, 240, new Random(seed));
            Assert.IsTrue(crop.FitsIn(320, 240), crop.ToString());
            var area = (double)crop.Width * crop.Height / (320 * 240);
            var aspect = (double)crop.Width / crop.Height;
            Assert.IsTrue(area is > 0.075 and <= 1.0, $"{crop}: area fraction {area}");
            Assert.IsTrue(aspect is > 0.7 and < 1.4, $"{crop}: aspect {aspect}");
        }
    }

    [TestMethod]
    public void ShortSideResize_And_SpatialViews_MatchTheTestRecipe()
    {
        // 640x360 -> short side 224: long = 640*224//360 = 398; crops at int(j*(398-224)/2) = 0, 87, 174.
        Assert.AreEqual((398, 224), SpatialSampler.ShortSideResize(640, 360, 224));
        Assert.AreEqual((224, 398), SpatialSampler.ShortSideResize(360, 640, 224));
        CollectionAssert.AreEqual(
            new[] { new PixelRect(0, 0, 224, 224), new PixelRect(87, 0, 224, 224), new PixelRect(174, 0, 224, 224) },
            SpatialSampler.SpatialViews(398, 224, 224, 3));
        Assert.AreEqual(new PixelRect(0, 87, 224, 224), SpatialSampler.CenterCrop(224, 398, 224));
    }
}
