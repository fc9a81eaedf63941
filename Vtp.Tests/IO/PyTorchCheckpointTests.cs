// PyTorch checkpoints written by torch.save (reference/pth_fixtures.py on python3-torch 1.13): the official layouts load
// bit for bit like the safetensors of the same weights; damaged, legacy and non-state-dict files fail naming the file.
using System.IO.Compression;
using Vtp.IO;
using Vtp.Modeling;
using Vtp.Tests.Modeling;
using Vtp.Tests.Support;
using static TorchSharp.torch;

namespace Vtp.Tests.IO;

[TestClass]
public sealed class PyTorchCheckpointTests
{
    private static ReferenceDump fixtures = null!;
    private DisposeScope scope = null!;

    [ClassInitialize]
    public static void WriteFixtures(TestContext _)
    {
        fixtures = new ReferenceDump("pth").Init("tiny", seed: 3, batch: 2, textLength: 5);
        ReferencePython.Script("pth_fixtures.py", "awkward", "--out", fixtures.Directory);
    }

    [ClassCleanup]
    public static void DeleteFixtures() => fixtures.Dispose();

    [TestInitialize]
    public void Setup() => scope = NewDisposeScope();

    [TestCleanup]
    public void Cleanup() => scope.Dispose();

    /// <summary>torch.save of the fixture's weights in <paramref name="layout"/> (pth_fixtures.py checkpoint), written once.</summary>
    private static string Checkpoint(string layout, int protocol = 2)
    {
        var path = fixtures.PathOf($"{layout}-{protocol}.pth");
        if (!File.Exists(path))
            ReferencePython.Script("pth_fixtures.py", "checkpoint", "--dir", fixtures.Directory, "--out", path, "--layout", layout, "--protocol", $"{protocol}");
        return path;
    }

    [TestMethod]
    [DataRow("training", 2)]
    [DataRow("training", 4)]
    [DataRow("data-parallel", 2)]
    [DataRow("state-dict", 5)]
    public void TorchSave_LoadsBitForBitLikeTheSafetensorsOfTheSameWeights(string layout, int protocol)
    {
        var path = Checkpoint(layout, protocol);
        var expected = fixtures.Read("weights.safetensors");

        var loaded = PyTorchCheckpoint.Load(path);

        AssertSameBits(expected, loaded.Tensors);
        Assert.IsEmpty(loaded.Metadata);
        using var model = new SimVtpPretrainModel(fixtures.Config);
        SimVtpCheckpoint.LoadExact(model, loaded.Tensors, path);
        AssertSameBits(expected, model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter));
    }

    [TestMethod]
    public void WeightsFile_PicksTheFormatByContentNotByName()
    {
        var expected = fixtures.Read("weights.safetensors");
        var pthNamedSafetensors = fixtures.PathOf("pth-inside.safetensors");
        var safetensorsNamedPth = fixtures.PathOf("safetensors-inside.pth");
        File.Copy(Checkpoint("training"), pthNamedSafetensors, overwrite: true);
        File.Copy(fixtures.PathOf("weights.safetensors"), safetensorsNamedPth, overwrite: true);

        AssertSameBits(expected, WeightsFile.Load(pthNamedSafetensors).Tensors);
        AssertSameBits(expected, WeightsFile.Load(safetensorsNamedPth).Tensors);
    }

    [TestMethod]
    [DataRow("legacy.pth", "is a legacy torch.save file")]
    [DataRow("parameter.pth", "asks the unpickler for 'torch._utils._rebuild_parameter'")]
    [DataRow("number.pth", "entry 'model' maps 'w' to a float, not a tensor")]
    [DataRow("transposed.pth", "TorchSharp.PyBridge could not read it")]
    [DataRow("list.pth", "TorchSharp.PyBridge could not read it")]
    public void FilesThatHoldNoReadableStateDict_FailNamingTheFile(string name, string expected)
    {
        var path = fixtures.PathOf(name);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => WeightsFile.Load(path)).Message;
        StringAssert.Contains(error, path);
        StringAssert.Contains(error, expected);
    }

    [TestMethod]
    [DataRow("truncated-zip", "the zip archive is damaged or truncated")]
    [DataRow("no-data-pkl", "holds no data.pkl")]
    [DataRow("two-data-pkl", "must hold exactly one data.pkl")]
    [DataRow("truncated-pickle", "(truncated)")]
    [DataRow("short-storage", "TorchSharp.PyBridge could not read it")]
    [DataRow("not-a-zip", "is not a PyTorch checkpoint")]
    public void DamagedCheckpoints_FailNamingTheFile(string kind, string expected)
    {
        var path = fixtures.PathOf($"{kind}.pth");
        var original = Checkpoint("training");
        switch (kind)
        {
            case "truncated-zip": File.WriteAllBytes(path, File.ReadAllBytes(original)[..^100_000]); break;
            case "not-a-zip": File.WriteAllText(path, "PK is not enough"); break;
            default: Rewrite(original, path, kind); break;
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => PyTorchCheckpoint.Load(path)).Message;

        StringAssert.Contains(error, path);
        StringAssert.Contains(error, expected);
    }

    // A copy of the zip at `from` with one thing broken: an entry dropped, doubled or cut short.
    private static void Rewrite(string from, string to, string kind)
    {
        using var source = ZipFile.OpenRead(from);
        using var target = ZipFile.Open(to, ZipArchiveMode.Create);
        var pickle = source.Entries.Single(e => e.Name == "data.pkl");
        var largestStorage = source.Entries.Where(e => e.FullName.Contains("/data/", StringComparison.Ordinal)).OrderByDescending(e => e.Length).First();
        foreach (var entry in source.Entries)
        {
            if (kind == "no-data-pkl" && entry == pickle) continue;
            var bytes = Bytes(entry);
            if ((kind == "truncated-pickle" && entry == pickle) || (kind == "short-storage" && entry == largestStorage)) bytes = bytes[..(bytes.Length / 2)];
            Write(target, entry.FullName, bytes);
            if (kind == "two-data-pkl" && entry == pickle) Write(target, entry.FullName.Replace("data.pkl", "other/data.pkl"), bytes);
        }
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Write(ZipArchive archive, string name, byte[] bytes)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
        stream.Write(bytes);
    }

    private static void AssertSameBits(IReadOnlyDictionary<string, Tensor> expected, IReadOnlyDictionary<string, Tensor> actual)
    {
        CollectionAssert.AreEquivalent(expected.Keys.ToList(), actual.Keys.ToList());
        foreach (var (name, tensor) in expected)
        {
            Assert.AreEqual(tensor.dtype, actual[name].dtype, name);
            CollectionAssert.AreEqual(tensor.shape, actual[name].shape, name);
            using var bits = actual[name].detach().contiguous();
            Assert.IsTrue(tensor.bytes.SequenceEqual(bits.bytes), $"{name}: the bytes differ");
        }
    }
}
