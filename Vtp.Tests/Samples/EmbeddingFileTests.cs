// Embedding files: .npy checked against numpy itself, CSV and JSONL round trips with awkward keys, and errors that
// name the file and line.
using System.Text.Json;
using Vtp.Samples.Embeddings;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class EmbeddingFileTests
{
    private static readonly EmbeddingSet Awkward = new(EmbeddingKind.Caption,
        ["a red circle, moving \"left\"", "line one\nline two", "ünïcödé ✓", "plain"],
        [[1f, -2.5f, 1e-30f], [float.Epsilon, -0f, 3.4028235e38f], [0.1f, 0.2f, 0.3f], [1 / 3f, 2 / 3f, -1 / 7f]]);

    [TestMethod]
    public void Npy_WrittenHere_IsLoadedByNumpyWithTheSameValues()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "e.npy");
        EmbeddingFile.Write(path, Awkward);

        var json = JsonDocument.Parse(NumpyOracle.Run(
            "a = np.load(sys.argv[1])\nprint(json.dumps({'dtype': str(a.dtype), 'shape': list(a.shape), 'c': bool(a.flags['C_CONTIGUOUS']), 'values': a.ravel().tolist()}))",
            path)).RootElement;

        Assert.AreEqual("float32", json.GetProperty("dtype").GetString());
        CollectionAssert.AreEqual(new[] { 4, 3 }, json.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        var values = json.GetProperty("values").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        CollectionAssert.AreEqual(Awkward.Vectors.SelectMany(v => v).ToArray(), values);
        var keys = File.ReadAllLines(Path.ChangeExtension(path, ".keys.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("caption").GetString()).ToArray();
        CollectionAssert.AreEqual(Awkward.Keys.ToArray(), keys);
    }

    [TestMethod]
    public void Npy_WrittenByNumpy_IsReadWithItsKeys()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "numpy.npy");
        NumpyOracle.Run("np.save(sys.argv[1], (np.arange(12, dtype='<f4') * np.float32(0.25) - np.float32(1)).reshape(4, 3))", path);
        File.WriteAllLines(Path.ChangeExtension(path, ".keys.jsonl"), ["{\"video\": \"a.mp4\"}", "{\"video\": \"b.mp4\"}", "{\"video\": \"c.mp4\"}", "{\"video\": \"d.mp4\"}"]);

        var set = EmbeddingFile.Read(path);

        Assert.AreEqual(EmbeddingKind.Video, set.Kind);
        CollectionAssert.AreEqual(new[] { "a.mp4", "b.mp4", "c.mp4", "d.mp4" }, set.Keys.ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 12).Select(i => i * 0.25f - 1).ToArray(), set.Vectors.SelectMany(v => v).ToArray());
    }

    [TestMethod]
    public void Csv_And_Jsonl_RoundTripKeysAndExactValues()
    {
        var folder = SampleWorld.Instance.NewFolder();
        foreach (var name in new[] { "e.csv", "e.jsonl" })
        {
            var path = Path.Combine(folder, name);
            EmbeddingFile.Write(path, Awkward);
            var read = EmbeddingFile.Read(path);
            Assert.AreEqual(EmbeddingKind.Caption, read.Kind, name);
            CollectionAssert.AreEqual(Awkward.Keys.ToArray(), read.Keys.ToArray(), name);
            CollectionAssert.AreEqual(Awkward.Vectors.SelectMany(v => v).ToArray(), read.Vectors.SelectMany(v => v).ToArray(), name);
        }
        Assert.StartsWith("caption,e0,e1,e2\n", File.ReadAllText(Path.Combine(folder, "e.csv")));
    }

    [TestMethod]
    public void Csv_WithABadNumber_NamesTheLineAndColumn()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "bad.csv");
        File.WriteAllText(path, "video,e0,e1\na.mp4,1,2\nb.mp4,3,x\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => EmbeddingFile.Read(path));

        Assert.Contains("line 3", error.Message);
        Assert.Contains("e1", error.Message);
        Assert.Contains("'x'", error.Message);
    }

    [TestMethod]
    public void Npy_OfFloat64_IsRejectedNamingTheDtype()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "f8.npy");
        NumpyOracle.Run("np.save(sys.argv[1], np.zeros((2, 3)))", path);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => EmbeddingFile.Read(path));

        Assert.Contains("'<f8'", error.Message);
    }

    [TestMethod]
    public void Npy_WithoutKeysFile_OrWithTooFewKeys_SaysSo()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "e.npy");
        EmbeddingFile.Write(path, Awkward);
        var keys = Path.ChangeExtension(path, ".keys.jsonl");
        File.WriteAllLines(keys, File.ReadAllLines(keys).Take(3));

        Assert.Contains("4 rows but its keys file", Assert.ThrowsExactly<InvalidDataException>(() => EmbeddingFile.Read(path)).Message);
        File.Delete(keys);
        Assert.Contains(keys, Assert.ThrowsExactly<FileNotFoundException>(() => EmbeddingFile.Read(path)).Message);
    }

    [TestMethod]
    [DataRow("random padding", "its header is padded with \"")]
    [DataRow("version 1.1", "it is .npy format 1.1; expected 1.0, 2.0 or 3.0")]
    [DataRow("header length", "its header length 65535 runs past the end of the file")]
    [DataRow("no newline", "its header does not end with its only newline")]
    [DataRow("other key", "its header has the keys [descr, fortran_order, shapf]; expected [descr, fortran_order, shape]")]
    [DataRow("fortran order", "its fortran_order is True; expected False (C order)")]
    public void Npy_WithADamagedHeader_SaysWhatIsWrong(string damage, string expected)
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "e.npy");
        EmbeddingFile.Write(path, Awkward);
        var bytes = File.ReadAllBytes(path);
        var end = 10 + BitConverter.ToUInt16(bytes, 8);                                     // one past the header's newline
        var close = Array.IndexOf(bytes, (byte)'}') + 1;
        void Replace(string from, string to)
        {
            var at = System.Text.Encoding.ASCII.GetString(bytes).IndexOf(from, StringComparison.Ordinal);
            System.Text.Encoding.ASCII.GetBytes(to).CopyTo(bytes, at);
        }
        switch (damage)
        {
            case "random padding": new Random(1).NextBytes(bytes.AsSpan(close, end - 1 - close)); break;
            case "version 1.1": bytes[7] = 1; break;
            case "header length": bytes[8] = bytes[9] = 0xFF; break;
            case "no newline": bytes[end - 1] = (byte)' '; break;
            case "other key": Replace("'shape'", "'shapf'"); break;
            default: Replace("False", "True "); break;
        }
        File.WriteAllBytes(path, bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => EmbeddingFile.Read(path));

        Assert.Contains($"Embedding file '{path}' is not a float32 matrix in .npy format: {expected}", error.Message);
    }

    [TestMethod]
    public void Jsonl_MixingVideosAndCaptions_NamesTheLine()
    {
        var path = Path.Combine(SampleWorld.Instance.NewFolder(), "mixed.jsonl");
        File.WriteAllText(path, "{\"video\": \"a.mp4\", \"embedding\": [1, 2]}\n{\"caption\": \"b\", \"embedding\": [3, 4]}\n");

        Assert.Contains("line 2", Assert.ThrowsExactly<InvalidDataException>(() => EmbeddingFile.Read(path)).Message);
    }

    [TestMethod]
    public void UnknownExtension_IsRejected()
    {
        Assert.Contains("'.txt'", Assert.ThrowsExactly<ArgumentException>(() => EmbeddingFile.Write("e.txt", Awkward)).Message);
    }
}
