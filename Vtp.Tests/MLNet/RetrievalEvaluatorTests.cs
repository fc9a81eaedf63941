using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;
using Vtp.Modeling;

namespace Vtp.Tests.MLNet;

// The evaluator on hand-made embedding sets whose ranks were worked out by hand (cosine similarity, ties favour the
// match), with and without a group column, and against the model layer's RetrievalMetrics on random data.
[TestClass]
public sealed class RetrievalEvaluatorTests
{
    // Videos (1,0), (0,1), (-1,0). Caption 0 ranks its video first; caption 1 (1, 0.5) has video 0 above its own;
    // caption 2 (0,1) scores 1 with video 1 and 0 with video 0 and its own video 2 (a tie, not counted).
    // t2v ranks 0, 1, 1; v2t: video 1's caption scores 0.447 while caption 2 scores 1, so ranks 0, 1, 0.
    private static readonly float[][] Videos = [[1, 0], [0, 1], [-1, 0]];
    private static readonly float[][] Texts = [[1, 0.1f], [1, 0.5f], [0, 1]];

    [TestMethod]
    public void Arrays_GiveTheHandWorkedMetrics()
    {
        var metrics = VtpRetrievalEvaluator.Evaluate(Texts, Videos);

        AssertScores(metrics.TextToVideo, r1: 100.0 / 3, r5: 100, median: 2, mean: 5.0 / 3);
        AssertScores(metrics.VideoToText, r1: 200.0 / 3, r5: 100, median: 1, mean: 4.0 / 3);
        Assert.AreEqual((3, 3), (metrics.TextCount, metrics.VideoCount));
    }

    [TestMethod]
    public void DataView_GivesTheSameMetricsAsTheArrays()
    {
        var context = new MLContext(1);
        var rows = Texts.Select((t, i) => new PairRow { VideoEmbedding = Videos[i], TextEmbedding = t, Group = $"clip{i}" });

        var metrics = VtpRetrievalEvaluator.Evaluate(context.Data.LoadFromEnumerable(rows));

        Assert.AreEqual(VtpRetrievalEvaluator.Evaluate(Texts, Videos), metrics);
    }

    // Rows 0 and 1 show video a = (1,0); row 2 shows b = (0,1); row 3 shows c = (-1,1)/sqrt 2. Captions: (1,0.1),
    // (0.2,1), (0.5,1), (-1,0.2). t2v: caption 1 scores a 0.196 below b 0.981 and c 0.555: rank 2; the rest rank 0.
    // v2t: a's best caption (row 0, 0.995) beats every other caption although row 1 does not; b's own caption scores
    // 0.894 and row 1's 0.981: rank 1; c's own caption 0.832 is the highest: rank 0.
    [TestMethod]
    public void GroupColumn_CountsAVideoOnceAndRanksItByItsBestCaption()
    {
        var context = new MLContext(1);
        float[] a = [1, 0], b = [0, 1], c = [-1, 1];
        var rows = new[]
        {
            new PairRow { Group = "a", VideoEmbedding = a, TextEmbedding = [1, 0.1f] },
            new PairRow { Group = "a", VideoEmbedding = a, TextEmbedding = [0.2f, 1] },
            new PairRow { Group = "b", VideoEmbedding = b, TextEmbedding = [0.5f, 1] },
            new PairRow { Group = "c", VideoEmbedding = c, TextEmbedding = [-1, 0.2f] },
        };

        var metrics = VtpRetrievalEvaluator.Evaluate(context.Data.LoadFromEnumerable(rows), groupColumnName: "Group");

        Assert.AreEqual((4, 3), (metrics.TextCount, metrics.VideoCount));
        AssertScores(metrics.TextToVideo, r1: 75, r5: 100, median: 1, mean: 1.5);
        AssertScores(metrics.VideoToText, r1: 200.0 / 3, r5: 100, median: 1, mean: 4.0 / 3);
    }

    [TestMethod]
    public void NumericGroupColumn_GroupsLikeText()
    {
        var context = new MLContext(1);
        var rows = new[]
        {
            new NumberGroupRow { Group = 5, VideoEmbedding = [1, 0], TextEmbedding = [1, 0] },
            new NumberGroupRow { Group = 5, VideoEmbedding = [1, 0], TextEmbedding = [0, 1] },
            new NumberGroupRow { Group = 9, VideoEmbedding = [0, 1], TextEmbedding = [0, 1] },
        };

        var metrics = VtpRetrievalEvaluator.Evaluate(context.Data.LoadFromEnumerable(rows), groupColumnName: "Group");

        Assert.AreEqual((3, 2), (metrics.TextCount, metrics.VideoCount));
        Assert.AreEqual(100.0 * 2 / 3, metrics.TextToVideo.R1, 1e-9, "row 1's caption (0,1) prefers video 9");
    }

    [TestMethod]
    public void SquareCase_AgreesWithTheModelLayerMetrics()
    {
        var random = new Random(3);
        float[][] Vectors() => Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble() - 0.5f).ToArray()).ToArray();
        var (texts, videos) = (Vectors(), Vectors());
        float[] Unit(float[] v) => v.Select(x => x / MathF.Sqrt(v.Sum(y => y * y))).ToArray();
        var similarity = texts.SelectMany(t => videos.Select(v => Unit(t).Zip(Unit(v), (x, y) => x * y).Sum())).ToArray();

        var metrics = VtpRetrievalEvaluator.Evaluate(texts, videos);

        var expected = RetrievalMetrics.Compute(similarity, 30, 30);
        Assert.AreEqual(expected.TextToVideo, metrics.TextToVideo);
        Assert.AreEqual(expected.VideoToText, metrics.VideoToText);
    }

    [TestMethod]
    public void BadInputs_AreNamed()
    {
        var size = Assert.ThrowsExactly<ArgumentException>(() => VtpRetrievalEvaluator.Evaluate([[1, 0]], [[1, 0, 0]]));
        StringAssert.Contains(size.Message, "has 3 values; the first caption embedding has 2");
        var zero = Assert.ThrowsExactly<ArgumentException>(() => VtpRetrievalEvaluator.Evaluate([[0, 0]], [[1, 0]]));
        StringAssert.Contains(zero.Message, "text embedding of row 0 has norm 0");
        var unmatched = Assert.ThrowsExactly<ArgumentException>(() => VtpRetrievalEvaluator.Evaluate([[1, 0]], [[1, 0], [0, 1]], [0]));
        StringAssert.Contains(unmatched.Message, "Videos 1 are matched by no caption");
        var counts = Assert.ThrowsExactly<ArgumentException>(() => VtpRetrievalEvaluator.Evaluate([[1, 0]], [[1, 0], [0, 1]]));
        StringAssert.Contains(counts.Message, "got 1 captions and 2 videos");
    }

    [TestMethod]
    public void WrongColumns_AreSchemaMismatches()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[] { new PairRow { Group = "a", VideoEmbedding = [1, 0], TextEmbedding = [1, 0] } });

        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => VtpRetrievalEvaluator.Evaluate(data, "Nope"));
        StringAssert.Contains(missing.Message, "Could not find input column 'Nope' (expected Vector<Single> of known size)");
        var text = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => VtpRetrievalEvaluator.Evaluate(data, "Group"));
        StringAssert.Contains(text.Message, "Schema mismatch for input column 'Group': expected Vector<Single> of known size, got String");
        var group = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => VtpRetrievalEvaluator.Evaluate(data, groupColumnName: "TextEmbedding"));
        StringAssert.Contains(group.Message, "Schema mismatch for input column 'TextEmbedding': expected a scalar text, number or key, got Vector<Single, 2>");
    }

    private static void AssertScores(RetrievalScores scores, double r1, double r5, double median, double mean)
    {
        Assert.AreEqual(r1, scores.R1, 1e-9, "R@1");
        Assert.AreEqual(r5, scores.R5, 1e-9, "R@5");
        Assert.AreEqual(100, scores.R50, 1e-9, "R@50");
        Assert.AreEqual(median, scores.MedianRank, 1e-9, "MdR");
        Assert.AreEqual(mean, scores.MeanRank, 1e-9, "MnR");
    }

    public sealed class PairRow
    {
        public string Group { get; set; } = "";
        [VectorType(2)] public float[] VideoEmbedding { get; set; } = [];
        [VectorType(2)] public float[] TextEmbedding { get; set; } = [];
    }

    public sealed class NumberGroupRow
    {
        public int Group { get; set; }
        [VectorType(2)] public float[] VideoEmbedding { get; set; } = [];
        [VectorType(2)] public float[] TextEmbedding { get; set; } = [];
    }
}
