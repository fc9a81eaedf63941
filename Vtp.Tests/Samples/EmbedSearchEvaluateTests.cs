// vtp embed, search and evaluate on the shared world's fine-tuned package: files equal to the model's own array API,
// searches that find their own item, metrics recomputed by hand, and the input errors of each.
using System.Numerics.Tensors;
using Microsoft.ML;
using Vtp.Data;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Samples.Embeddings;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class EmbedSearchEvaluateTests
{
    private static readonly Lazy<(string Videos, string Captions)> Embedded = new(() =>
    {
        var world = SampleWorld.Instance;
        var folder = world.NewFolder();
        var (videos, captions) = (Path.Combine(folder, "videos.npy"), Path.Combine(folder, "captions.csv"));
        CliRun.Of("embed", world.TestCsv, "--kind", "video", "--model", world.ModelPath, "--out", videos, "--json").Ok();
        CliRun.Of("embed", world.TestCsv, "--kind", "caption", "--model", world.ModelPath, "--out", captions).Ok();
        return (videos, captions);
    });

    private static IReadOnlyList<VideoTextSample> Test => VideoTextDataset.Read(SampleWorld.Instance.TestCsv);

    [TestMethod]
    public void EmbedVideos_WritesTheModelsEmbeddingsKeyedByPath()
    {
        var set = EmbeddingFile.Read(Embedded.Value.Videos);
        using var model = SimVtpRetrievalModel.Load(new MLContext(), SampleWorld.Instance.ModelPath);
        var expected = model.EmbedVideos(Test.Select(s => s.VideoPath).ToList());

        Assert.AreEqual(EmbeddingKind.Video, set.Kind);
        CollectionAssert.AreEqual(Test.Select(s => s.VideoPath).ToArray(), set.Keys.Select(Path.GetFullPath).ToArray());
        for (int i = 0; i < expected.Length; i++) CollectionAssert.AreEqual(expected[i], set.Vectors[i], $"video {i}");
    }

    [TestMethod]
    public void EmbedCaptions_AsCsv_WritesTheModelsEmbeddings()
    {
        var set = EmbeddingFile.Read(Embedded.Value.Captions);
        using var model = SimVtpRetrievalModel.Load(new MLContext(), SampleWorld.Instance.ModelPath);
        var expected = model.EmbedTexts(Test.Select(s => s.Caption).ToList());

        CollectionAssert.AreEqual(Test.Select(s => s.Caption).ToArray(), set.Keys.ToArray());
        for (int i = 0; i < expected.Length; i++) CollectionAssert.AreEqual(expected[i], set.Vectors[i], $"caption {i}");
    }

    [TestMethod]
    public void SearchByText_RanksTheFileByCosineToTheQueryEmbedding()
    {
        var query = Test[3].Caption;
        var hits = CliRun.Of("search", "--model", SampleWorld.Instance.ModelPath, "--embeddings", Embedded.Value.Videos, "--text", query, "--top", "4",
            "--json").Ok().Json().GetProperty("hits");
        var set = EmbeddingFile.Read(Embedded.Value.Videos);
        using var model = SimVtpRetrievalModel.Load(new MLContext(), SampleWorld.Instance.ModelPath);
        var embedded = model.EmbedTexts([query])[0];
        var expected = Enumerable.Range(0, set.Keys.Count).Select(i => (Key: set.Keys[i], Score: TensorPrimitives.CosineSimilarity(embedded, set.Vectors[i])))
            .OrderByDescending(h => h.Score).Take(4).ToList();

        Assert.AreEqual(4, hits.GetArrayLength());
        for (int i = 0; i < 4; i++)
        {
            Assert.AreEqual(i + 1, hits[i].GetProperty("rank").GetInt32());
            Assert.AreEqual(expected[i].Key, hits[i].GetProperty("key").GetString(), $"rank {i + 1}");
            Assert.AreEqual(expected[i].Score, hits[i].GetProperty("score").GetSingle(), 1e-6f, $"rank {i + 1}");
        }
    }

    [TestMethod]
    public void SearchByVideo_FindsTheSameVideoFirst()
    {
        var video = Test[5].VideoPath;
        var run = CliRun.Of("search", "--model", SampleWorld.Instance.ModelPath, "--embeddings", Embedded.Value.Videos, "--video", video).Ok();

        var first = run.Stdout.Split('\n').First(l => l.Contains("│ 1 ", StringComparison.Ordinal));
        Assert.Contains(Path.GetFileName(video), first, run.Stdout);
        Assert.Contains("1.000", first);
    }

    [TestMethod]
    public void Search_NeedsExactlyOneQuery()
    {
        CliRun.Of("search", "--model", SampleWorld.Instance.ModelPath, "--embeddings", Embedded.Value.Videos).Fails(ExitCodes.Usage, "exactly one query");
        CliRun.Of("search", "--model", SampleWorld.Instance.ModelPath, "--embeddings", Embedded.Value.Videos, "--text", "a", "--video", Test[0].VideoPath)
            .Fails(ExitCodes.Usage, "exactly one query");
    }

    [TestMethod]
    public void Search_EmbeddingsOfAnotherSize_IsBadInput()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "small.jsonl");
        File.WriteAllText(path, "{\"video\": \"a.mp4\", \"embedding\": [1, 0, 0]}\n");

        CliRun.Of("search", "--model", SampleWorld.Instance.ModelPath, "--embeddings", path, "--text", "a red circle").Fails(ExitCodes.BadInput, "3 values");
    }

    [TestMethod]
    public void Search_MissingEmbeddingFile_IsBadInput()
    {
        CliRun.Of("search", "--model", SampleWorld.Instance.ModelPath, "--embeddings", "none.npy", "--text", "x").Fails(ExitCodes.BadInput, "none.npy");
    }

    [TestMethod]
    public void Evaluate_GivesTheRanksOfTheEmbeddings()
    {
        var metrics = CliRun.Of("evaluate", SampleWorld.Instance.TestCsv, "--model", SampleWorld.Instance.ModelPath, "--json").Ok().Json().GetProperty("metrics");
        var videos = EmbeddingFile.Read(Embedded.Value.Videos).Vectors;
        var captions = EmbeddingFile.Read(Embedded.Value.Captions).Vectors;
        // Rank of caption i's own video: the videos scoring strictly higher, plus one.
        var ranks = captions.Select((c, i) => 1 + videos.Count(v => TensorPrimitives.Dot(c, v) > TensorPrimitives.Dot(c, videos[i]))).ToArray();

        Assert.AreEqual(12, metrics.GetProperty("text_count").GetInt32());
        Assert.AreEqual(12, metrics.GetProperty("video_count").GetInt32());
        var t2v = metrics.GetProperty("text_to_video");
        Assert.AreEqual(100.0 * ranks.Count(r => r == 1) / ranks.Length, t2v.GetProperty("r1").GetDouble(), 1e-9);
        Assert.AreEqual(100.0 * ranks.Count(r => r <= 5) / ranks.Length, t2v.GetProperty("r5").GetDouble(), 1e-9);
        Assert.AreEqual(ranks.Average(), t2v.GetProperty("mean_rank").GetDouble(), 1e-9);
    }

    [TestMethod]
    public void Evaluate_HumanOutput_ShowsBothDirections()
    {
        var run = CliRun.Of("evaluate", SampleWorld.Instance.TestCsv, "--model", SampleWorld.Instance.ModelPath).Ok();

        Assert.Contains("text -> video", run.Stdout);
        Assert.Contains("video -> text", run.Stdout);
        Assert.Contains("chance R@1: 8.3%", run.Stdout);
    }

    [TestMethod]
    public void Embed_DamagedPackage_IsBadInput()
    {
        var folder = SampleWorld.Instance.NewFolder();
        var damaged = Path.Combine(folder, "damaged.zip");
        File.WriteAllText(damaged, "not a zip");

        CliRun.Of("embed", SampleWorld.Instance.TestCsv, "--kind", "caption", "--model", damaged, "--out", Path.Combine(folder, "e.npy"))
            .Fails(ExitCodes.BadInput, "damaged.zip");
    }

    [TestMethod]
    public void Embed_UnknownOutputExtension_IsAUsageError()
    {
        CliRun.Of("embed", SampleWorld.Instance.TestCsv, "--kind", "caption", "--model", SampleWorld.Instance.ModelPath, "--out", "e.parquet")
            .Fails(ExitCodes.Usage, "e.parquet");
    }

    [TestMethod]
    public void Evaluate_MissingModel_IsBadInput()
    {
        CliRun.Of("evaluate", SampleWorld.Instance.TestCsv, "--model", "none.zip").Fails(ExitCodes.BadInput, "none.zip");
    }
}
