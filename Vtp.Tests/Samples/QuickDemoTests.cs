// The main job end to end: `vtp --quick` as its own process in an empty folder generates the data, trains, and
// prints metrics and example searches; the package and embeddings it names exist and agree with what it printed.
using System.Numerics.Tensors;
using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Samples.Demo;
using Vtp.Samples.Embeddings;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class QuickDemoTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void QuickDemo_InAnEmptyFolder_PrintsMetricsAndWritesThePackageAndEmbeddings()
    {
        var folder = Directory.CreateTempSubdirectory("vtp-quick-demo-").FullName;
        try
        {
            Check(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Check(string folder)
    {
        var quick = DemoOptions.Quick();
        var (code, stdout, stderr) = VtpProcess.Run(folder, TimeSpan.FromMinutes(8), "--quick");

        Assert.AreEqual(0, code, $"stderr:\n{stderr}\nstdout:\n{stdout}");
        Assert.Contains($"Retrieval over {quick.TestClips} captions and {quick.TestClips} videos", stdout);
        Assert.Contains("text -> video", stdout);
        Assert.Contains("video -> text", stdout);
        Assert.Contains("Example searches", stdout);
        var output = Path.Combine(folder, quick.OutputDirectory);
        Assert.Contains(Path.Combine(quick.OutputDirectory, "model.zip"), stdout, "the report says where the package is");
        foreach (var file in new[] { "model.zip", "test-videos.npy", "test-videos.keys.jsonl", "test-captions.npy", "test-captions.keys.jsonl" })
            Assert.IsTrue(File.Exists(Path.Combine(output, file)), $"{file} in {output}");
        Assert.IsFalse(Directory.Exists(Path.Combine(output, "checkpoints")), "a finished demo removes its checkpoints");
        using var model = SimVtpRetrievalModel.Load(new MLContext(), Path.Combine(output, "model.zip"));

        var videos = EmbeddingFile.Read(Path.Combine(output, "test-videos.npy"));
        var captions = EmbeddingFile.Read(Path.Combine(output, "test-captions.npy"));
        Assert.AreEqual(model.Dimension, videos.Dimension);
        foreach (var key in videos.Keys) Assert.IsTrue(File.Exists(Path.Combine(folder, key)), $"video key '{key}' is a path from the current directory");
        // Caption i describes video i: it learned something if the described clip is often among the best five (chance 12.5%).
        var inTopFive = captions.Vectors.Select((c, i) => videos.Vectors.Count(v => TensorPrimitives.Dot(c, v) > TensorPrimitives.Dot(c, videos.Vectors[i])) < 5)
            .Count(found => found);
        Assert.IsTrue(inTopFive >= captions.Vectors.Count / 4, $"only {inTopFive} of {captions.Vectors.Count} captions have their clip in the top 5");
    }
}
