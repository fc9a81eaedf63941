// safetensors: round trips, interoperability with the Python reference writer and reader, and corrupt files.
using System.Text;
using TorchSharp;
using Vtp.IO;
using Vtp.Tests.Support;
using static TorchSharp.torch;

namespace Vtp.Tests.IO;

[TestClass]
public sealed class SafeTensorsTests
{
    private string dir = null!;
    private DisposeScope scope = null!;

    [TestInitialize]
    public void Setup()
    {
        dir = Directory.CreateTempSubdirectory("vtp-safetensors-").FullName;
        scope = NewDisposeScope();
    }

    [TestCleanup]
    public void Cleanup()
    {
        scope.Dispose();
        Directory.Delete(dir, true);
    }

    private Dictionary<string, Tensor> Sample() => new()
    {
        ["encoder.blocks.0.attn.qkv.weight"] = arange(0, 12, 1, ScalarType.Float32).reshape(3, 4) / 7,
        ["f64"] = tensor(new[] { 1.0 / 3, -2.5 }),
        ["ids"] = tensor(new long[] { 101, 7592, 102 }),
        ["i32"] = tensor(new[] { -1, 2 }),
        ["u8"] = tensor(new byte[] { 0, 255 }, [2]),
        ["mask"] = tensor(new[] { true, false, true }),
        ["scalar"] = tensor(3.5f),
        ["empty"] = zeros(0, 4),
    };

    [TestMethod]
    public void RoundTripKeepsEveryTypeShapeAndValue()
    {
        var path = Path.Combine(dir, "a.safetensors");
        var original = Sample();
        SafeTensors.Save(path, original, new Dictionary<string, string> { ["format"] = "pt" });
        var loaded = SafeTensors.Load(path);
        Assert.AreEqual("pt", loaded.Metadata["format"]);
        CollectionAssert.AreEquivalent(original.Keys.ToList(), loaded.Tensors.Keys.ToList());
        foreach (var (name, t) in original)
        {
            Assert.AreEqual(t.dtype, loaded.Tensors[name].dtype, name);
            CollectionAssert.AreEqual(t.shape, loaded.Tensors[name].shape, name);
            Assert.IsTrue(t.Equals(loaded.Tensors[name]), name);
        }
        Assert.AreEqual(1, Directory.GetFiles(dir).Length, "no temporary file is left behind");
    }

    [TestMethod]
    public void LayoutMatchesTheSpecificationByteForByte()
    {
        var path = Path.Combine(dir, "b.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = tensor(new[] { 1.0f, -2.0f }) });
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        Assert.AreEqual(0, headerLength % 8, "header padded to 8 bytes");
        var json = Encoding.UTF8.GetString(bytes, 8, headerLength).TrimEnd(' ');
        Assert.AreEqual("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", json);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0 }, bytes[(8 + headerLength)..]);
    }

    [TestMethod]
    public void PythonReferenceReadsWhatVtpWritesAndViceVersa()
    {
        var ours = Path.Combine(dir, "vtp.safetensors");
        var theirs = Path.Combine(dir, "python.safetensors");
        SafeTensors.Save(ours, Sample());
        var output = ReferencePython.Run("-c", $$"""
            import sys, torch
            sys.path.insert(0, {{Quote(Path.Combine(PyTorchOracle.RepositoryRoot, "reference"))}})
            from safetensors_io import load_file, save_file
            tensors, _ = load_file({{Quote(ours)}})
            w = tensors["encoder.blocks.0.attn.qkv.weight"]
            assert torch.equal(w, torch.arange(12, dtype=torch.float32).reshape(3, 4) / 7), w
            assert tensors["ids"].tolist() == [101, 7592, 102] and tensors["mask"].tolist() == [True, False, True]
            save_file({"w": torch.linspace(-1, 1, 6, dtype=torch.float64).reshape(2, 3), "b": torch.tensor([True, False])}, {{Quote(theirs)}}, {"by": "python"})
            print("ok")
            """);
        Assert.AreEqual("ok", output.Trim());
        var loaded = SafeTensors.Load(theirs);
        TorchAssert.Close(linspace(-1, 1, 6, ScalarType.Float64).reshape(2, 3), loaded.Tensors["w"], 0, 0);
        CollectionAssert.AreEqual(new[] { 1.0, 0.0 }, TorchAssert.Doubles(loaded.Tensors["b"]));
        Assert.AreEqual("python", loaded.Metadata["by"]);
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    [TestMethod]
    [DataRow("short", "the file has 4 bytes")]
    [DataRow("huge-header", "exceeds the")]
    [DataRow("header-past-end", "runs past the end")]
    [DataRow("bad-json", "not valid JSON")]
    [DataRow("duplicate", "names 'x' twice")]
    [DataRow("unknown-dtype", "unsupported dtype 'Q9'")]
    [DataRow("negative-shape", "not a non-negative integer")]
    [DataRow("size-mismatch", "needs 8 bytes, data_offsets give 4")]
    [DataRow("out-of-bounds", "lie outside the")]
    [DataRow("overlap", "overlaps the tensor before it")]
    [DataRow("gap", "a gap of 4 bytes")]
    [DataRow("truncated", "outside the 7-byte data section")]
    [DataRow("trailing", "truncated or trailing data")]
    [DataRow("bad-bool", "byte other than 0 or 1")]
    public void CorruptFilesAreRejectedWithTheFileNamed(string kind, string expected)
    {
        var path = Path.Combine(dir, kind + ".safetensors");
        File.WriteAllBytes(path, Corrupt(kind));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => SafeTensors.Load(path));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, expected);
    }

    private static byte[] Corrupt(string kind)
    {
        const string x8 = "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
        return kind switch
        {
            "short" => [1, 2, 3, 4],
            "huge-header" => FileBytes(ulong.MaxValue, "{}", 0),
            "header-past-end" => FileBytes(1000, "{}", 0),
            "bad-json" => FileBytes("{\"x\":", 0),
            "duplicate" => FileBytes("{" + x8 + "," + x8 + "}", 8),
            "unknown-dtype" => FileBytes("{\"x\":{\"dtype\":\"Q9\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8),
            "negative-shape" => FileBytes("{\"x\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8),
            "size-mismatch" => FileBytes("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4),
            "out-of-bounds" => FileBytes("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 8),
            "overlap" => FileBytes("{" + x8 + ",\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
            "gap" => FileBytes("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
            "truncated" => FileBytes("{" + x8 + "}", 7),
            "trailing" => FileBytes("{" + x8 + "}", 12),
            "bad-bool" => FileBytes("{\"x\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2, fill: 2),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] FileBytes(string header, int dataBytes, byte fill = 0) => FileBytes((ulong)Encoding.UTF8.GetByteCount(header), header, dataBytes, fill);

    private static byte[] FileBytes(ulong declaredLength, string header, int dataBytes, byte fill = 0)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var result = new byte[8 + json.Length + dataBytes];
        BitConverter.TryWriteBytes(result.AsSpan(0, 8), declaredLength);
        json.CopyTo(result, 8);
        result.AsSpan(8 + json.Length).Fill(fill);
        return result;
    }
}
