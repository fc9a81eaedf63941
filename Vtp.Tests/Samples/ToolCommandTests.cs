// vtp generate, tokenize, probe, dump-forward and info: results checked against what produced their inputs (the
// generator's settings, bert-base-uncased's published ids, the package's own vocab.txt, the BLAS alternative).
using System.IO.Compression;
using Vtp.Modeling;
using Vtp.Samples.Cli;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class ToolCommandTests
{
    [TestMethod]
    public void Generate_WritesTheAskedClipsAndAnnotations()
    {
        var world = SampleWorld.Instance;
        var json = world.Generate.Json();

        Assert.AreEqual(32, json.GetProperty("train_clips").GetInt32());
        Assert.AreEqual(12, json.GetProperty("test_clips").GetInt32());
        Assert.HasCount(32 + 1, File.ReadAllLines(world.TrainCsv), "header and one row per clip");
        Assert.HasCount(32 + 12, Directory.GetFiles(Path.Combine(Path.GetDirectoryName(world.TrainCsv)!, "videos"), "*.mp4"));
    }

    [TestMethod]
    public void Generate_InvalidSize_IsAUsageError()
    {
        CliRun.Of("generate", "--out", SampleWorld.Instance.NewFolder(), "--size", "15").Fails(ExitCodes.Usage, "15");
    }

    [TestMethod]
    public void Tokenize_GivesBertBaseUncasedIds()
    {
        var result = CliRun.Of("tokenize", "Hello, World!", "--json").Ok().Json()[0];

        // bert-base-uncased: [CLS] hello , world ! [SEP]
        CollectionAssert.AreEqual(new long[] { 101, 7592, 1010, 2088, 999, 102 }, result.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        CollectionAssert.AreEqual(new[] { "[CLS]", "hello", ",", "world", "!", "[SEP]" },
            result.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [TestMethod]
    public void Tokenize_WithAModel_UsesTheVocabularyInsideItsPackage()
    {
        var world = SampleWorld.Instance;
        using (var zip = ZipFile.OpenRead(world.ModelPath))
        using (var reader = new StreamReader(zip.GetEntry("vocab.txt")!.Open()))
        {
            var vocabulary = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            var result = CliRun.Of("tokenize", "a red circle moves left", "--model", world.ModelPath, "--json").Ok().Json()[0];
            var tokens = result.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()!).ToList();
            var ids = result.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToList();

            CollectionAssert.AreEqual(tokens.Select(t => vocabulary.IndexOf(t)).ToList(), ids, "each id is the token's line in vocab.txt");
            CollectionAssert.Contains(tokens, "circle");
        }
    }

    [TestMethod]
    public void Tokenize_VocabAndModelTogether_IsAUsageError_MissingVocab_IsBadInput()
    {
        CliRun.Of("tokenize", "x", "--vocab", "v.txt", "--model", "m.zip").Fails(ExitCodes.Usage, "either --vocab or --model");
        CliRun.Of("tokenize", "x", "--vocab", "no-such-vocab.txt").Fails(ExitCodes.BadInput, "no-such-vocab.txt");
    }

    [TestMethod]
    public void Probe_ReportsTheGeneratedClipsGeometry()
    {
        var video = Path.Combine(Path.GetDirectoryName(SampleWorld.Instance.TrainCsv)!, "videos", "train_0000.mp4");
        var info = CliRun.Of("probe", video, "--json").Ok().Json()[0];

        Assert.AreEqual("h264", info.GetProperty("codec").GetString());
        Assert.AreEqual(32, info.GetProperty("width").GetInt32());
        Assert.AreEqual(32, info.GetProperty("height").GetInt32());
        Assert.AreEqual(8, info.GetProperty("frame_count").GetInt32());
        Assert.AreEqual(1.0, info.GetProperty("duration").GetDouble(), 1e-6, "8 frames at the generator's 8 fps");
    }

    [TestMethod]
    public void Probe_NotAVideo_IsBadInputNamingTheFile()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "text.mp4");
        File.WriteAllText(path, "this is not a video");

        CliRun.Of("probe", path).Fails(ExitCodes.BadInput, "text.mp4");
    }

    [TestMethod]
    public void Probe_AFolder_ProbesItsVideosInNameOrder_AndAFolderWithoutVideosSaysSo()
    {
        var videos = Path.Combine(Path.GetDirectoryName(SampleWorld.Instance.TrainCsv)!, "videos");
        var folder = SampleWorld.Instance.NewFolder();
        File.Copy(Path.Combine(videos, "train_0001.mp4"), Path.Combine(folder, "b.mp4"));
        File.Copy(Path.Combine(videos, "test_0000.mp4"), Path.Combine(folder, "a.MP4"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a video");

        var infos = CliRun.Of("probe", folder, "--json").Ok().Json();
        var empty = SampleWorld.Instance.NewFolder();

        CollectionAssert.AreEqual(new[] { Path.Combine(folder, "a.MP4"), Path.Combine(folder, "b.mp4") },
            infos.EnumerateArray().Select(i => i.GetProperty("file_path").GetString()).ToArray());
        CliRun.Of("probe", empty).Fails(ExitCodes.BadInput, $"'{empty}' is a folder with no video files (.mp4, .m4v, .mov, .mkv, .webm, .avi).");
    }

    [TestMethod]
    public void DumpForward_WritesAFixtureOfTheAskedConfig()
    {
        var folder = Path.Combine(SampleWorld.Instance.NewFolder(), "fixture");
        var json = CliRun.Of("dump-forward", "--config", "tiny", "--seed", "1", "--batch", "2", "--text-length", "5", "--perturb", "0.02", "--out", folder,
            "--json").Ok().Json();

        CollectionAssert.AreEqual(new[] { "config.json", "finetune_outputs.safetensors", "inputs.safetensors", "outputs.safetensors", "weights.safetensors" },
            json.GetProperty("files").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.AreEqual(SimVtpConfig.Tiny, SimVtpConfig.FromJson(File.ReadAllText(Path.Combine(folder, "config.json"))));
    }

    [TestMethod]
    public void DumpForward_UnknownPreset_IsAUsageError_MissingSeed_Too()
    {
        var folder = SampleWorld.Instance.NewFolder();
        CliRun.Of("dump-forward", "--config", "huge", "--seed", "1", "--batch", "2", "--text-length", "5", "--perturb", "0", "--out", folder)
            .Fails(ExitCodes.Usage, "'huge'");
        CliRun.Of("dump-forward", "--config", "tiny", "--batch", "2", "--text-length", "5", "--perturb", "0", "--out", folder).Fails(ExitCodes.Usage, "--seed");
    }

    [TestMethod]
    public void Info_ReportsTorchSharpLibtorchAndTheMklInsideLibtorch()
    {
        var info = CliRun.Of("info", "--json").Ok().Json();
        Assert.StartsWith("0.107.", info.GetProperty("torch_sharp").GetString()!);
        Assert.StartsWith("2.10.", info.GetProperty("libtorch").GetString()!);
        // TorchSharp's libtorch links MKL in: no BLAS file is mapped, and the report names MKL and the library holding it.
        Assert.AreEqual(0, info.GetProperty("blas_libraries").GetArrayLength(), info.ToString());
        var blas = info.GetProperty("blas").GetString()!;
        StringAssert.StartsWith(blas, "Intel(R) oneAPI Math Kernel Library Version 20");
        StringAssert.EndsWith(blas, "libtorch_cpu.so");
        Assert.IsTrue(info.GetProperty("torch_threads").GetInt32() >= 1);
        Assert.StartsWith("ffmpeg version", info.GetProperty("ffmpeg").GetString()!);
        Assert.AreEqual(TorchSharp.torch.cuda.is_available(), info.GetProperty("cuda").GetBoolean());
    }
}
