// The ablation machinery on a minuscule budget: the table's structure, and that every row's settings really reach the
// training (mask ratios in the batches, loss weights in the total, the pretraining subset, equal steps). No assertion
// on what the models learn: that is what docs/ablations.md reports.
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Samples.Ablation;
using Vtp.Samples.DemoData;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class AblationTests
{
    private static readonly AblationBudget Tiny = new() { PretrainSteps = 3, FineTuneSteps = 2, BatchSize = 8 };
    private static string _folder = "";
    private static AblationWorld _world = null!;

    [ClassInitialize]
    public static void CreateWorld(TestContext context)
    {
        _folder = Directory.CreateTempSubdirectory("vtp-ablation-test-").FullName;
        var summary = DemoDataGenerator.Generate(new DemoDataOptions { OutputDirectory = _folder, TrainClips = 80, TestClips = 16, Frames = 8, Size = 32, Seed = 2 });
        _world = new AblationWorld(VideoTextDataset.Read(summary.TrainCsv), VideoTextDataset.Read(summary.TestCsv));
    }

    [ClassCleanup]
    public static void DeleteWorld() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void Run_TwoRowsOneSeed_FillsTheTableAndEachRowTrainsWithItsOwnSettings()
    {
        var rows = AblationRow.Select(["official", "mae-only"]);
        var reports = new List<AblationProgress>();

        var table = AblationRunner.Run(_world, rows, [7], Tiny, reports.Add);

        Assert.AreEqual(2, table.Runs.Count);
        CollectionAssert.AreEqual(new[] { 1, 2 }, reports.Select(r => r.Done).ToArray());
        Assert.IsTrue(reports.All(r => r.Total == 2));
        foreach (var run in table.Runs)
        {
            Assert.AreEqual((7, (long)Tiny.PretrainSteps, (long)Tiny.FineTuneSteps, _world.Train.Count), (run.Seed, run.PretrainSteps, run.FineTuneSteps, run.PretrainClips));
            CollectionAssert.AreEquivalent(AblationMetric.All.Select(m => m.Key).ToArray(), run.Metrics.Keys.ToArray());
            Assert.IsTrue(run.Metrics.Values.All(v => v is >= 0 and <= 100), $"{run.Row.Key}: {string.Join(", ", run.Metrics)}");
        }
        var (official, maeOnly) = (table.RunsOf(rows[0])[0], table.RunsOf(rows[1])[0]);
        Assert.AreEqual(new PretrainLossWeights(), official.LossWeights);
        Assert.AreEqual(new PretrainLossWeights(1, 1, 0, 0), maeOnly.LossWeights);
        // The reported total is the weighted sum the optimizer saw: all four parts, or pixels + MLM only.
        var o = official.PretrainLosses;
        Assert.AreEqual(o["pix"] + o["mlm"] + o["vtc"] + o["vtm"], o["total"], 1e-4);
        var m = maeOnly.PretrainLosses;
        Assert.AreEqual(m["pix"] + m["mlm"], m["total"], 1e-4);
        Assert.IsTrue(m["vtc"] + m["vtm"] > 0.1, "VTC and VTM are still computed (same cost), only weighted 0");

        var markdown = AblationMarkdown.Results(table, new AblationRunInfo("ablation --quick", new DateTime(2026, 1, 2), "2 cores", "test world"));
        var header = markdown.Split('\n').First(l => l.StartsWith("| row | fine-tuned", StringComparison.Ordinal));
        Assert.AreEqual(AblationMetric.All.Count + 2, header.Count(c => c == '|'), header);
        Assert.AreEqual(1, markdown.Split('\n').Count(l => l.StartsWith($"| {AblationRow.Official.Label} |", StringComparison.Ordinal)));
        Assert.AreEqual(1, markdown.Split('\n').Count(l => l.StartsWith($"| {rows[1].Label} |", StringComparison.Ordinal)));
        Assert.Contains("| mae-only | 7 |", markdown);
        Assert.Contains("Chance over the 16 held-out clips: R@1 6.3%, R@5 31.3%", markdown);
    }

    [TestMethod]
    public void Rows_EachDiffersFromTheOfficialSettingInExactlyOneWay()
    {
        var official = AblationRow.Official;
        foreach (var row in AblationRow.All.Skip(1))
        {
            var differences = new[]
            {
                row.TextMaskRatio != official.TextMaskRatio, row.VideoMaskRatio != official.VideoMaskRatio,
                row.CrossModalLosses != official.CrossModalLosses, row.DataFraction != official.DataFraction, row.Pretrains != official.Pretrains,
            };
            Assert.AreEqual(1, differences.Count(d => d), row.Key);
        }
        Assert.AreEqual(AblationRow.All.Count, AblationRow.All.Select(r => r.Key).Distinct().Count());
        Assert.AreEqual((0.75, 0.9, true, 1.0), (official.TextMaskRatio, official.VideoMaskRatio, official.CrossModalLosses, official.DataFraction));
        Assert.ThrowsExactly<ArgumentException>(() => AblationRow.Select(["text-16"]));
    }

    [TestMethod]
    [DataRow("official", 0.75)]
    [DataRow("text-15", 0.15)]
    [DataRow("text-45", 0.45)]
    public void TextMaskRatio_ReachesTheBatchBuilder(string key, double expected)
    {
        var config = AblationRow.Select([key])[0].Configure(_world.Config);
        var builder = new PretrainBatchBuilder(config, _world.Tokenizer);
        var clips = _world.Train.Select((s, i) => new LoadedClip(i, i, s, BlankClip(config))).ToList();
        var tokens = _world.Tokenizer.Encode(_world.Train.Select(s => s.Caption).ToList(), config.MaxPositionEmbeddings);
        var eligible = tokens.InputIds.Where((id, i) => tokens.AttentionMask[i] == 1 && !_world.Tokenizer.SpecialTokens.IsSpecial(id)).Count();

        using var scope = NewDisposeScope();
        var inputs = builder.Build(new MicroBatch(clips, CPU, seed: 3, epoch: 0, new Random(3)));

        var masked = inputs.MlmLabels.ne(SpecialTokens.IgnoreIndex).sum().item<long>();
        // 80 captions of ~8-14 words: the Bernoulli share lies well within 0.06 of p.
        Assert.AreEqual(expected, (double)masked / eligible, 0.06, $"{masked} of {eligible} caption tokens masked");
    }

    [TestMethod]
    [DataRow("official", 2)]
    [DataRow("video-75", 4)]
    public void VideoMaskRatio_ReachesTheTubeMask(string key, int visiblePerFrame)
    {
        var config = AblationRow.Select([key])[0].Configure(_world.Config);
        var clips = _world.Train.Take(4).Select((s, i) => new LoadedClip(i, i, s, BlankClip(config))).ToList();

        using var scope = NewDisposeScope();
        var inputs = new PretrainBatchBuilder(config, _world.Tokenizer).Build(new MicroBatch(clips, CPU, seed: 3, epoch: 0, new Random(3)));

        // Tiny: 4x4 patches per frame, 2 temporal slices; int(ratio * 16) masked per slice.
        var visible = inputs.BoolMaskedPos.logical_not().sum(1).data<long>().ToArray();
        CollectionAssert.AreEqual(Enumerable.Repeat(2L * visiblePerFrame, 4).ToArray(), visible);
    }

    [TestMethod]
    public void DataFraction_PretrainsOnASeededTenthWithTheSameSteps()
    {
        var row = AblationRow.Select(["data-10"])[0];
        var all = Enumerable.Range(0, 480).Select(i => new VideoTextSample($"v{i}.mp4", $"caption {i}")).ToList();

        var (first, again, other) = (row.PretrainingClips(all, 1, 32), row.PretrainingClips(all, 1, 32), row.PretrainingClips(all, 2, 32));

        Assert.AreEqual(48, first.Count);
        Assert.AreEqual(48, first.Distinct().Count());
        CollectionAssert.AreEqual(first.ToList(), again.ToList(), "same seed, same subset");
        CollectionAssert.AreNotEqual(first.ToList(), other.ToList(), "another seed, another subset");
        Assert.AreSame(all, AblationRow.Official.PretrainingClips(all, 1, 32));
        var budget = new AblationBudget();
        var (small, full) = (budget.Pretraining(48, 1), budget.Pretraining(480, 1));
        Assert.AreEqual(((long?)600, (long?)600), (small.MaxSteps, full.MaxSteps));
        Assert.AreEqual((600, 40), (small.Epochs, full.Epochs), "48 clips fill one batch of 32 per epoch, 480 fill 15");
        Assert.ThrowsExactly<ArgumentException>(() => row.PretrainingClips(all.Take(100).ToList(), 1, 32));
    }

    [TestMethod]
    public void Stat_MeanSampleStdAndRange()
    {
        var stat = AblationStat.Of([1.0, 2.0, 3.0, 4.0]);

        // Hand-computed: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 3, sqrt = 1.29099.
        Assert.AreEqual((2.5, 1.0, 4.0, 4), (stat.Mean, stat.Min, stat.Max, stat.Count));
        Assert.AreEqual(1.29099, stat.Std, 1e-5);
        Assert.AreEqual("2.5 ± 1.3 (1.0-4.0)", AblationMarkdown.Format(stat));
        Assert.AreEqual(0, AblationStat.Of([5.0]).Std);
    }

    [TestMethod]
    public void Merge_ReplacesOnlyTheGeneratedBlock()
    {
        var block = $"{AblationMarkdown.Begin}\nnew table\n{AblationMarkdown.End}\n";
        var document = $"# Title\n\nintro\n\n{AblationMarkdown.Begin}\nold table\n{AblationMarkdown.End}\n\n## What holds\ncommentary\n";

        var merged = AblationMarkdown.Merge(document, block);

        Assert.AreEqual($"# Title\n\nintro\n\n{AblationMarkdown.Begin}\nnew table\n{AblationMarkdown.End}\n\n## What holds\ncommentary\n", merged);
        Assert.StartsWith("# Ablations on the demo world\n\n" + AblationMarkdown.Begin, AblationMarkdown.Merge(null, block));
        Assert.EndsWith("\n\n" + block, AblationMarkdown.Merge("# Notes\n", block));
    }

    private static VideoClip BlankClip(SimVtpConfig config) =>
        new(new float[3 * config.NumFrames * config.ImageSize * config.ImageSize], 1, config.NumFrames, config.ImageSize, config.ImageSize, [new int[config.NumFrames]], 0);
}
