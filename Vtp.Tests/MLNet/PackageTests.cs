using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;

namespace Vtp.Tests.MLNet;

// Model packages: a save/load round trip is bit-identical, the manifest hashes every entry, and every kind of damage
// is reported with what is wrong.
[TestClass]
public sealed class PackageTests
{
    private static SimVtpEmbeddingTransformer FineTuned => DemoSet.Shared.Model.LastTransformer;
    private static SimVtpPretrainTransformer Pretrained => (SimVtpPretrainTransformer)DemoSet.Shared.Model.First();

    [TestMethod]
    public void EmbeddingPackage_RoundTripsToBitIdenticalEmbeddings()
    {
        var path = Path.Combine(DemoSet.NewFolder(), "retrieval.vtp");
        FineTuned.Save(path);
        var context = new MLContext(2);

        using var loaded = SimVtpEmbeddingTransformer.Load(context, path);

        var rows = context.Data.CreateEnumerable<EmbeddedRow>(loaded.Transform(context.Data.LoadFromEnumerable(DemoSet.Test.Take(8))), false).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            CollectionAssert.AreEqual(DemoSet.SharedTestOutput[i].VideoEmbedding, rows[i].VideoEmbedding, $"video of row {i}");
            CollectionAssert.AreEqual(DemoSet.SharedTestOutput[i].TextEmbedding, rows[i].TextEmbedding, $"caption of row {i}");
        }
        Assert.AreEqual((FineTuned.VideoEmbeddingColumnName, FineTuned.TextEmbeddingColumnName), (loaded.VideoEmbeddingColumnName, loaded.TextEmbeddingColumnName));
        Assert.AreEqual(FineTuned.Model.Config, loaded.Model.Config);
        CollectionAssert.AreEqual(FineTuned.Model.Tokenizer.Vocabulary.Tokens.ToArray(), loaded.Model.Tokenizer.Vocabulary.Tokens.ToArray());
        Assert.AreEqual(0, Directory.GetFiles(Path.GetDirectoryName(path)!).Count(f => f != path), "no temporary file is left");
    }

    [TestMethod]
    public void LoadedModel_WorksStandaloneThroughTheEmbedCatalogEntries()
    {
        var path = Path.Combine(DemoSet.NewFolder(), "retrieval.vtp");
        FineTuned.Model.Save(path);
        var context = new MLContext(2);
        using var model = SimVtpRetrievalModel.Load(context, path);
        var data = context.Data.LoadFromEnumerable(DemoSet.Test.Take(8));

        var pipeline = context.Vtp().EmbedText(model, "Text").Append(context.Vtp().EmbedVideo(model, "Video"));
        var output = pipeline.Fit(data).Transform(data);

        var texts = output.GetColumn<float[]>("Text").ToList();
        var videos = output.GetColumn<float[]>("Video").ToList();
        for (int i = 0; i < texts.Count; i++)
        {
            CollectionAssert.AreEqual(DemoSet.SharedTestOutput[i].TextEmbedding, texts[i]);
            CollectionAssert.AreEqual(DemoSet.SharedTestOutput[i].VideoEmbedding, videos[i]);
        }
        CollectionAssert.AreEqual(texts.SelectMany(v => v).ToArray(), model.EmbedTexts(DemoSet.Test.Take(8).Select(r => r.Caption).ToList(), 8).SelectMany(v => v).ToArray());
    }

    [TestMethod]
    public void PretrainPackage_RoundTripsTheWeightsExactly()
    {
        var path = Path.Combine(DemoSet.NewFolder(), "pretrained.vtp");
        Pretrained.Save(path);

        using var loaded = SimVtpPretrainTransformer.Load(new MLContext(2), path);

        var expected = Pretrained.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
        var actual = loaded.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
        CollectionAssert.AreEquivalent(expected.Keys.ToArray(), actual.Keys.ToArray());
        foreach (var (name, values) in expected) CollectionAssert.AreEqual(values, actual[name], name);
        Assert.AreEqual(Pretrained.Config, loaded.Config);
    }

    [TestMethod]
    public void Manifest_HashesEveryEntryAndNamesTheKind()
    {
        var path = Path.Combine(DemoSet.NewFolder(), "retrieval.vtp");
        FineTuned.Save(path);

        using var zip = ZipFile.OpenRead(path);
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!.AsObject();

        Assert.AreEqual(1, (int)manifest["format_version"]!);
        Assert.AreEqual("dual-encoder", (string)manifest["kind"]!);
        Assert.IsFalse(string.IsNullOrEmpty((string?)manifest["library_version"]));
        Assert.AreEqual("VideoEmbedding", (string)manifest["settings"]!["video_embedding_column_name"]!);
        var entries = manifest["entries"]!.AsObject();
        CollectionAssert.AreEquivalent(new[] { "config.json", "model.safetensors", "vocab.txt" }, entries.Select(e => e.Key).ToArray());
        foreach (var (name, hash) in entries)
            Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(Read(zip, name))), (string)hash!, name);
        Assert.AreEqual(FineTuned.Model.Config.ToJson(), Encoding.UTF8.GetString(Read(zip, "config.json")));
    }

    [TestMethod]
    public void TamperedEntry_IsNamedWithBothHashes()
    {
        var path = SavedCopy();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("vocab.txt")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("vocab.txt").Open());
            writer.Write("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SimVtpEmbeddingTransformer.Load(new MLContext(2), path));

        StringAssert.Contains(error.Message, "entry 'vocab.txt' fails its SHA-256 check: the manifest says ");
        StringAssert.Contains(error.Message, "modified or damaged");
    }

    [TestMethod]
    public void TruncatedPackage_IsReportedAsTruncatedOrCorrupt()
    {
        var path = SavedCopy();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SimVtpEmbeddingTransformer.Load(new MLContext(2), path));

        StringAssert.Contains(error.Message, $"'{path}' is not a readable Vtp model package: the zip is truncated or corrupt");
    }

    [TestMethod]
    public void OtherFormatVersion_IsRejectedWithBothVersions()
    {
        var path = SavedCopy();
        EditManifest(path, manifest => manifest["format_version"] = 2);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SimVtpEmbeddingTransformer.Load(new MLContext(2), path));

        StringAssert.Contains(error.Message, "format version 2 (written by Vtp ");
        StringAssert.Contains(error.Message, "reads format version 1");
    }

    [TestMethod]
    public void OtherKind_NamesBothKindsAndTheRightLoader()
    {
        var path = Path.Combine(DemoSet.NewFolder(), "pretrained.vtp");
        Pretrained.Save(path);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SimVtpEmbeddingTransformer.Load(new MLContext(2), path));

        StringAssert.Contains(error.Message, "holds a 'pretrain' model, expected 'dual-encoder' (load it with SimVtpPretrainTransformer.Load(mlContext, path))");
        Assert.ThrowsExactly<FileNotFoundException>(() => SimVtpPretrainTransformer.Load(new MLContext(2), path + ".missing"));
    }

    [TestMethod]
    public void MlNetModelFiles_PointToTheOwnSaveAndLoad()
    {
        var embedding = Assert.ThrowsExactly<NotSupportedException>(() => ((ICanSaveModel)FineTuned).Save(null!));
        StringAssert.Contains(embedding.Message, "transformer.Save(path)");
        StringAssert.Contains(embedding.Message, "SimVtpEmbeddingTransformer.Load(mlContext, path)");
        var pretrain = Assert.ThrowsExactly<NotSupportedException>(() => ((ICanSaveModel)Pretrained).Save(null!));
        StringAssert.Contains(pretrain.Message, "SimVtpPretrainTransformer.Load(mlContext, path)");
        var scorer = new MLContext(1).Vtp().ScorePairs(Pretrained).Fit(new MLContext(1).Data.LoadFromEnumerable(DemoSet.Test));
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => ((ICanSaveModel)scorer).Save(null!)).Message,
            "SimVtpPretrainTransformer.Load(mlContext, path)");
    }

    [TestMethod]
    public void MlContextModelSave_FailsWithTheSameMessage_AfterMlNetHasCreatedTheFile()
    {
        var shared = DemoSet.Shared;
        var path = Path.Combine(DemoSet.NewFolder(), "mlnet-model.zip");

        var error = Assert.ThrowsExactly<NotSupportedException>(() =>
            shared.Context.Model.Save(shared.Model, shared.Context.Data.LoadFromEnumerable(DemoSet.Test).Schema, path));

        StringAssert.Contains(error.Message, "Save this one with transformer.Save(path) and load it with SimVtpPretrainTransformer.Load(mlContext, path).");
        Assert.IsTrue(File.Exists(path), "Microsoft.ML 6.0.0 opens the file before asking the transformers to save (docs/dependencies.md says to delete it)");
    }

    [TestMethod]
    public void DisposingAPredictionEngine_DisposesTheTransformerAndSoTheModelItLoaded()
    {
        var context = new MLContext(2);
        var loaded = SimVtpEmbeddingTransformer.Load(context, SavedCopy());
        var engine = context.Model.CreatePredictionEngine<ClipRow, EmbeddedRow>(loaded);
        var caption = DemoSet.Test[0].Caption;

        CollectionAssert.AreEqual(loaded.EmbedTexts([caption])[0], engine.Predict(DemoSet.Test[0]).TextEmbedding);
        engine.Dispose();

        // Microsoft.ML 6.0.0's PredictionEngine.Dispose disposes its transformer, which releases the model it owns.
        Assert.ThrowsExactly<ObjectDisposedException>(() => loaded.EmbedTexts([caption]));
    }

    private static string SavedCopy()
    {
        var path = Path.Combine(DemoSet.NewFolder(), "retrieval.vtp");
        FineTuned.Save(path);
        return path;
    }

    private static void EditManifest(string path, Action<JsonObject> edit)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!.AsObject();
        edit(manifest);
        zip.GetEntry("manifest.json")!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
        writer.Write(manifest.ToJsonString());
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
