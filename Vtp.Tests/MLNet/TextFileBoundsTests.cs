using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Vtp.MLNet;

namespace Vtp.Tests.MLNet;

// Clip bounds read by ML.NET's text loader (Microsoft.ML 6.0.0): an empty field is 0 unless MissingRealsAsNaNs is set,
// an unparsable one is NaN with only an Info line in the log. Vtp reads NaN as "not set", so such a row embeds the
// whole video; an end of 0 is rejected naming the row and the loader option.
[TestClass]
public sealed class TextFileBoundsTests
{
    private static SimVtpRetrievalModel Model => DemoSet.Shared.Model.LastTransformer.Model;

    [TestMethod]
    public void EmptyBounds_ReadAsZeroByDefault_AreRejectedNamingTheLoaderOption()
    {
        var context = new MLContext(1);
        var data = AnnotationCsv.Load(context, DemoSet.Summary.TestCsv, missingAsNaN: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Embed(context).Fit(data).Transform(data).GetColumn<float[]>("VideoEmbedding").First());

        StringAssert.Contains(error.Message, "Row 0: clip bounds 'Start' = 0 and 'End' = 0 must be non-negative with end > start.");
        StringAssert.Contains(error.Message, "load with TextLoader.Options.MissingRealsAsNaNs = true");
    }

    [TestMethod]
    public void UnparsableOrEmptyBound_ReadsAsNotSet_AndOnlyTheLogSaysSo()
    {
        var video = DemoSet.Summary.Test[0].VideoPath;
        var csv = Path.Combine(DemoSet.NewFolder(), "bounds.csv");
        File.WriteAllText(csv, $"video,caption,start,end\n{video},a,oops,\n{video},b,,\n");
        var context = new MLContext(1);
        var log = new List<string>();
        context.Log += (_, e) => { if (e.Kind == ChannelMessageKind.Info) log.Add(e.RawMessage); };
        var data = AnnotationCsv.Load(context, csv);

        var embeddings = Embed(context).Fit(data).Transform(data).GetColumn<float[]>("VideoEmbedding").ToList();

        var whole = Model.EmbedVideos([video], 2)[0];
        PipelineTests.AssertClose(whole, embeddings[0]);
        PipelineTests.AssertClose(whole, embeddings[1]);
        Assert.IsTrue(log.Any(l => l.Contains("Bad value at line 2 in column Start")), string.Join("\n", log));
    }

    private static SimVtpEmbeddingEstimator Embed(MLContext context) => context.Vtp().Embed(Model, new SimVtpEmbeddingEstimator.Options
    {
        TextEmbeddingColumnName = null, StartColumnName = "Start", EndColumnName = "End", VideoFolder = Path.GetDirectoryName(DemoSet.Summary.TestCsv),
    });
}
