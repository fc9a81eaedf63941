using Vtp.Data;
using Vtp.Samples.DemoData;
using Vtp.Video;

namespace Vtp.Tests.Data;

[TestClass]
public sealed class DemoDataGeneratorTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"vtp-tests-demo-{Guid.NewGuid():N}");
    private static DemoDataSummary _summary = null!;

    private static DemoDataOptions Options(string folder, int parallelism = 2, int seed = 5) => new()
    {
        OutputDirectory = folder, TrainClips = 120, TestClips = 40, Frames = 8, Size = 32, Seed = seed, Parallelism = parallelism,
    };

    [ClassInitialize]
    public static void Generate(TestContext context) => _summary = DemoDataGenerator.Generate(Options(Path.Combine(Folder, "a")));

    [ClassCleanup]
    public static void Delete() => Directory.Delete(Folder, recursive: true);

    private static IEnumerable<DemoClip> AllClips => _summary.Train.Concat(_summary.Test);

    [TestMethod]
    public void Csv_ListsEveryClipWithItsCaption()
    {
        var train = VideoTextCsv.Read(_summary.TrainCsv);
        var test = VideoTextDataset.Read(_summary.TestCsv);

        CollectionAssert.AreEqual(_summary.Train.Select(c => (c.VideoPath, c.Caption)).ToArray(), train.Select(s => (s.VideoPath, s.Caption)).ToArray());
        CollectionAssert.AreEqual(_summary.Test.Select(c => (c.VideoPath, c.Caption)).ToArray(), test.Select(s => (s.VideoPath, s.Caption)).ToArray());
        Assert.IsTrue(train.Concat(test).All(s => File.Exists(s.VideoPath)));
    }

    [TestMethod]
    public void Captions_AreDistinctAndParseBackToTheClipsObjects()
    {
        Assert.AreEqual(160, AllClips.Select(c => c.Caption).Distinct().Count());
        foreach (var clip in AllClips)
        {
            CollectionAssert.AreEqual(clip.Objects.ToArray(), DemoCaption.Parse(clip.Caption).ToArray(), clip.Caption);
        }
    }

    [TestMethod]
    public void Videos_AreH264WithTheRequestedFramesAndShowTheCaptionedColourAndMotion()
    {
        foreach (var clip in _summary.Train.Where(c => c.Objects.Count == 1).Take(4))
        {
            var info = VideoProbe.Probe(clip.VideoPath);
            Assert.AreEqual(("h264", 8, 32, 32), (info.Codec, info.FrameCount, info.Width, info.Height));

            var frames = VideoFrameDecoder.Decode(info, [0, 7], FrameGeometry.Resize(32, 32));
            var o = clip.Objects[0];
            var (first, colour) = ObjectCentre(frames.Frame(0));
            var (last, _) = ObjectCentre(frames.Frame(1));
            Assert.AreEqual(o.Colour, NearestColour(colour), clip.Caption);

            // Travel: a quarter (slowly) or half (quickly) of 32 px, in the captioned direction, within 2 px.
            var expected = DemoMotion.Travel(o.Speed, 32) * (o.Direction is DemoDirection.Left or DemoDirection.Up ? -1 : 1);
            var horizontal = o.Direction is DemoDirection.Left or DemoDirection.Right;
            var (along, across) = horizontal ? (last.X - first.X, last.Y - first.Y) : (last.Y - first.Y, last.X - first.X);
            Assert.AreEqual(expected, along, 2.0, $"{clip.Caption}: moved {along:0.0} px");
            Assert.AreEqual(0, across, 1.0, $"{clip.Caption}: drifted {across:0.0} px sideways");
        }
    }

    [TestMethod]
    public void Split_HoldsOutWholeTriplesWhileTrainingKeepsEveryPair()
    {
        var heldOut = _summary.HeldOutTriples.ToHashSet();
        Assert.AreEqual(14, heldOut.Count);
        var trainObjects = _summary.Train.SelectMany(c => c.Objects).ToList();
        Assert.IsFalse(trainObjects.Any(o => heldOut.Contains(o.Triple)), "a training clip shows a held-out combination");
        Assert.IsTrue(_summary.Test.All(c => heldOut.Contains(c.Objects[0].Triple)), "a test clip shows no held-out combination");
        foreach (var t in heldOut)
        {
            Assert.IsTrue(trainObjects.Any(o => o.Colour == t.Colour && o.Shape == t.Shape), $"{t}: colour-shape never trained");
            Assert.IsTrue(trainObjects.Any(o => o.Colour == t.Colour && o.Direction == t.Direction), $"{t}: colour-direction never trained");
            Assert.IsTrue(trainObjects.Any(o => o.Shape == t.Shape && o.Direction == t.Direction), $"{t}: shape-direction never trained");
        }
    }

    [TestMethod]
    public void TestSplit_NeedsColourAndMotionTogether()
    {
        // No single cue identifies a test clip: its colour also moves otherwise, and its motion also has other colours.
        var firsts = _summary.Test.Select(c => c.Objects[0]).ToList();
        foreach (var o in firsts)
        {
            Assert.IsTrue(firsts.Any(p => p.Colour == o.Colour && (p.Direction, p.Speed) != (o.Direction, o.Speed)), $"{o}: colour alone suffices");
            Assert.IsTrue(firsts.Any(p => (p.Direction, p.Speed) == (o.Direction, o.Speed) && p.Colour != o.Colour), $"{o}: motion alone suffices");
        }
    }

    [TestMethod]
    public void Generate_SameSeed_GivesIdenticalFilesWhateverTheParallelism()
    {
        var again = DemoDataGenerator.Generate(Options(Path.Combine(Folder, "b"), parallelism: 1));

        Assert.AreEqual(File.ReadAllText(_summary.TrainCsv), File.ReadAllText(again.TrainCsv));
        Assert.AreEqual(File.ReadAllText(_summary.TestCsv), File.ReadAllText(again.TestCsv));
        foreach (var (a, b) in AllClips.Zip(again.Train.Concat(again.Test)))
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(a.VideoPath), File.ReadAllBytes(b.VideoPath), Path.GetFileName(a.VideoPath));
        }
    }

    [TestMethod]
    public void ChooseHeldOut_OtherSeed_OtherTriples()
    {
        CollectionAssert.AreNotEquivalent(
            DemoSplit.ChooseHeldOut(14, new Random(5)).ToArray(), DemoSplit.ChooseHeldOut(14, new Random(6)).ToArray());
    }

    [TestMethod]
    public void Caption_Grammar_RoundTripsEveryObjectAndRejectsOtherText()
    {
        var objects = from t in DemoTriple.All
                      from size in Enum.GetValues<DemoSize>()
                      from speed in Enum.GetValues<DemoSpeed>()
                      select new DemoObject(size, t.Colour, t.Shape, t.Direction, speed);
        foreach (var o in objects)
        {
            Assert.AreEqual(o, DemoCaption.Parse(DemoCaption.Compose([o])).Single());
        }

        Assert.AreEqual("a small red circle moves to the left quickly",
            DemoCaption.Compose([new DemoObject(DemoSize.Small, DemoColour.Red, DemoShape.Circle, DemoDirection.Left, DemoSpeed.Quickly)]));
        var e = Assert.ThrowsExactly<FormatException>(() => DemoCaption.Parse("a small red circle moves sideways quickly"));
        StringAssert.Contains(e.Message, "'a small red circle moves sideways quickly'");
    }

    [TestMethod]
    public void Options_OddSize_IsRejectedWithTheValue()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(
            () => DemoDataGenerator.Generate(new DemoDataOptions { OutputDirectory = Folder, Size = 33 }));
        StringAssert.Contains(e.Message, "33");
    }

    // Centroid and mean colour of the pixels that differ clearly from the background.
    private static ((double X, double Y) Centre, (double R, double G, double B) Colour) ObjectCentre(ReadOnlySpan<byte> rgb)
    {
        double sx = 0, sy = 0, r = 0, g = 0, b = 0;
        var n = 0;
        for (var i = 0; i < 32 * 32; i++)
        {
            var (pr, pg, pb) = (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
            var (br, bg, bb) = DemoRenderer.Background;
            if (Math.Abs(pr - br) + Math.Abs(pg - bg) + Math.Abs(pb - bb) > 150)
            {
                (sx, sy, r, g, b, n) = (sx + i % 32 + 0.5, sy + i / 32 + 0.5, r + pr, g + pg, b + pb, n + 1);
            }
        }

        Assert.IsTrue(n > 10, "no object visible");
        return ((sx / n, sy / n), (r / n, g / n, b / n));
    }

    private static DemoColour NearestColour((double R, double G, double B) c) =>
        Enum.GetValues<DemoColour>().MinBy(k =>
        {
            var (r, g, b) = DemoRenderer.Rgb(k);
            return Math.Pow(c.R - r, 2) + Math.Pow(c.G - g, 2) + Math.Pow(c.B - b, 2);
        });
}
