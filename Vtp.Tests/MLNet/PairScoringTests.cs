using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.Data;
using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Tests.MLNet;

// VTM pair scores: checked against the pretraining forward's own VTM logits for the same clips, mask and captions.
[TestClass]
public sealed class PairScoringTests
{
    private static SimVtpPretrainTransformer Pretrained => (SimVtpPretrainTransformer)DemoSet.Shared.Model.First();

    [TestMethod]
    public void Scores_AreTheMatchProbabilitiesOfThePretrainingForward()
    {
        var context = new MLContext(1);
        var rows = DemoSet.Test.Take(4).ToList();
        var output = context.Vtp().ScorePairs(Pretrained).Fit(context.Data.LoadFromEnumerable(rows))
            .Transform(context.Data.LoadFromEnumerable(rows));

        var scores = output.GetColumn<float>("Score").ToArray();

        Assert.AreEqual(NumberDataViewType.Single, output.Schema["Score"].Type);
        var expected = ForwardMatchProbabilities(rows);
        for (int i = 0; i < rows.Count; i++) Assert.AreEqual(expected[i], scores[i], 1e-5, $"row {i}");
    }

    [TestMethod]
    public void PredictionEngineAndArrayApi_AgreeWithTheColumn()
    {
        var context = new MLContext(1);
        var rows = DemoSet.Test.Take(2).ToList();
        var options = new SimVtpPairScoringEstimator.Options { VideoInput = VtmVideoInput.Full };
        var model = context.Vtp().ScorePairs(Pretrained, options).Fit(context.Data.LoadFromEnumerable(rows));
        var column = model.Transform(context.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score").ToArray();
        using var engine = context.Model.CreatePredictionEngine<ClipRow, ScoredRow>(model);

        var single = engine.Predict(rows[1]).Score;
        var array = Pretrained.ScorePairs(rows.Select(r => r.VideoPath).ToList(), rows.Select(r => r.Caption).ToList(), VtmVideoInput.Full);

        Assert.AreEqual(column[1], single, 1e-5);
        CollectionAssert.AreEqual(column, array);
        Assert.IsTrue(column.All(s => s is > 0 and < 1));
        CollectionAssert.AreNotEqual(column, Pretrained.ScorePairs(rows.Select(r => r.VideoPath).ToList(), rows.Select(r => r.Caption).ToList()),
            "full and tube-masked video give different joint passes");
    }

    // softmax(vtm_logits)[:, 1] of SimVtpPretrainModel.Forward rows 0..B-1 (caption i with its own video i), fed the
    // unmasked captions and, for every row, the tube mask of seed 0.
    private static float[] ForwardMatchProbabilities(IReadOnlyList<ClipRow> rows)
    {
        var model = Pretrained.Model;
        var config = model.Config;
        var samples = rows.Select(r => new VideoTextSample(r.VideoPath, r.Caption)).ToList();
        var clips = new VideoLoader(samples, new VideoLoaderOptions { Sampling = SimVtpEmbedder.Sampling(config) }).ReadEpoch().Select(c => c.Clip).ToList();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var tokens = Pretrained.Tokenizer.Encode(samples.Select(s => s.Caption).ToList(), config.MaxPositionEmbeddings);
        var ids = tensor(tokens.InputIds, [tokens.BatchSize, tokens.Length]);
        var labels = full([tokens.BatchSize, tokens.Length], SpecialTokens.IgnoreIndex, ScalarType.Int64);
        labels[0, 1] = ids[0, 1];                                                            // one picked token, so MLM is defined
        var mask = new TubeMaskGenerator(config, new Random(0)).Next(1).expand(rows.Count, -1).contiguous();
        var negatives = tensor(Enumerable.Range(0, rows.Count).Select(i => (long)(i + 1) % rows.Count).ToArray());
        var inputs = new PretrainInputs(ClipBatch.Stack(clips), mask, ids, tensor(tokens.AttentionMask, [tokens.BatchSize, tokens.Length]), labels, negatives);
        using var output = model.Forward(inputs);
        return output.VtmLogits.softmax(1)[..rows.Count, 1].contiguous().data<float>().ToArray();
    }

    public sealed class ScoredRow
    {
        public float Score { get; set; }
    }
}
