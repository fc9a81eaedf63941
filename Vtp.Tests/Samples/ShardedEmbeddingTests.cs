// vtp embed --shard i/n and vtp embed-merge: shards cut at batch boundaries, merged results identical to an unsharded
// run, and every way a set of shards can be wrong.
using Vtp.Samples.Cli;
using Vtp.Samples.Embeddings;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class ShardedEmbeddingTests
{
    [TestMethod]
    public void Plan_CutsAtBatchBoundariesAndCoversEveryRowOnce()
    {
        var keys = Enumerable.Range(0, 10).Select(i => $"k{i}").ToList();
        // 10 rows in batches of 3 make 4 batches; 3 shards take batches [0,1), [1,2), [2,4): rows 0-2, 3-5, 6-9
        var shards = Enumerable.Range(0, 3).Select(i => EmbeddingShard.Plan(i, 3, keys, 3, EmbeddingKind.Caption)).ToList();

        CollectionAssert.AreEqual(new[] { 0, 3, 6 }, shards.Select(s => s.Start).ToArray());
        CollectionAssert.AreEqual(new[] { 3, 6, 10 }, shards.Select(s => s.End).ToArray());
        Assert.IsTrue(shards.All(s => s.Total == 10 && s.KeysDigest == shards[0].KeysDigest));
        Assert.Throws<ArgumentException>(() => EmbeddingShard.Plan(0, 5, keys, 3, EmbeddingKind.Caption));
    }

    [TestMethod]
    [DataRow("3/3")]
    [DataRow("-1/2")]
    [DataRow("1")]
    [DataRow("a/b")]
    [DataRow("0/0")]
    public void Parse_RejectsMalformedShards(string text) => Assert.Throws<FormatException>(() => EmbeddingShard.Parse(text));

    [TestMethod]
    [DataRow("caption", ".csv", 2)]
    [DataRow("video", ".npy", 2)]
    [DataRow("caption", ".jsonl", 3)]
    public void MergedShards_EqualTheUnshardedRun(string kind, string extension, int count)
    {
        var world = SampleWorld.Instance;
        var folder = world.NewFolder();
        var whole = Path.Combine(folder, "whole" + extension);
        CliRun.Of("embed", world.TestCsv, "--kind", kind, "--model", world.ModelPath, "--batch-size", "5", "--out", whole).Ok();
        var shards = Embed(world, folder, kind, extension, count);
        var merged = Path.Combine(folder, "merged" + extension);

        var run = CliRun.Of(["embed-merge", .. shards, "--out", merged, "--json"]).Ok().Json();

        var (expected, actual) = (EmbeddingFile.Read(whole), EmbeddingFile.Read(merged));
        Assert.AreEqual(expected.Keys.Count, run.GetProperty("count").GetInt32());
        CollectionAssert.AreEqual(expected.Keys.ToArray(), actual.Keys.ToArray());
        for (int i = 0; i < expected.Keys.Count; i++) CollectionAssert.AreEqual(expected.Vectors[i], actual.Vectors[i], $"row {i}");
    }

    [TestMethod]
    public void Merge_NamesMissingRepeatedAndForeignShards()
    {
        var world = SampleWorld.Instance;
        var folder = world.NewFolder();
        var captions = Embed(world, folder, "caption", ".csv", 3);
        var videos = Embed(world, folder, "video", ".csv", 2);
        var merged = Path.Combine(folder, "merged.csv");

        CliRun.Of("embed-merge", captions[0], captions[2], "--out", merged).Fails(ExitCodes.BadInput, "Shards missing: 1/3");
        CliRun.Of("embed-merge", captions[0], captions[1], captions[1], captions[2], "--out", merged).Fails(ExitCodes.BadInput, "more than once");
        CliRun.Of("embed-merge", videos[0], captions[1], "--out", merged).Fails(ExitCodes.BadInput, "caption job");
        CliRun.Of("embed-merge", Path.Combine(folder, "whole.csv"), "--out", merged).Fails(ExitCodes.BadInput, "no shard description");
        Assert.IsFalse(File.Exists(merged));
    }

    [TestMethod]
    public void Merge_RejectsAShardFileEditedAfterItsDescription()
    {
        var world = SampleWorld.Instance;
        var folder = world.NewFolder();
        var shards = Embed(world, folder, "caption", ".csv", 2);
        var lines = File.ReadAllLines(shards[1]);
        File.WriteAllLines(shards[1], lines[..^1]);

        CliRun.Of(["embed-merge", .. shards, "--out", Path.Combine(folder, "merged.csv")]).Fails(ExitCodes.BadInput, "rows");
    }

    [TestMethod]
    public void Embed_RejectsMoreShardsThanBatches() =>
        CliRun.Of("embed", SampleWorld.Instance.TestCsv, "--kind", "caption", "--model", SampleWorld.Instance.ModelPath, "--batch-size", "5",
            "--shard", "3/4", "--out", Path.Combine(SampleWorld.Instance.NewFolder(), "s.csv")).Fails(ExitCodes.Usage, "fewer than the 4 shards");

    private static string[] Embed(SampleWorld world, string folder, string kind, string extension, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var file = Path.Combine(folder, $"{kind}-{i}{extension}");
            CliRun.Of("embed", world.TestCsv, "--kind", kind, "--model", world.ModelPath, "--batch-size", "5", "--shard", $"{i}/{count}",
                "--out", file).Ok();
            return file;
        }).ToArray();
}
