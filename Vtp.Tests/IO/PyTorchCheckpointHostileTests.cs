// A pickle is a program: pickles that ask the unpickler for callables (reference/pth_fixtures.py hostile, written by
// Python's own pickler and torch.save, or assembled opcode by opcode) are refused before anything is unpickled, naming
// the file and the callable, and their payloads do not run; PyTorch's own torch.load of the same files runs every one.
// Pickles the walk cannot follow completely are refused too.
using System.IO.Compression;
using Vtp.IO;
using Vtp.Tests.Support;

namespace Vtp.Tests.IO;

[TestClass]
public sealed class PyTorchCheckpointHostileTests
{
    private static string folder = null!;

    [ClassInitialize]
    public static void WriteFixtures(TestContext _)
    {
        folder = Directory.CreateTempSubdirectory("vtp-hostile-").FullName;
        ReferencePython.Script("pth_fixtures.py", "hostile", "--out", folder);
    }

    [ClassCleanup]
    public static void DeleteFixtures() => Directory.Delete(folder, recursive: true);

    /// <summary>Each fixture and the callable its pickle names, as the unpickler looks it up.</summary>
    public static IEnumerable<object[]> Hostile =>
    [
        ["posix-system", "posix.system"],                       // GLOBAL + REDUCE, protocol 2 (torch.save's default)
        ["subprocess-run", "commands.run"],                     // protocol 2 names subprocess by its Python 2 name; Python maps it back
        ["builtins-eval", "builtins.eval"],                     // STACK_GLOBAL, protocol 4
        ["memo-hidden", "builtins.exec"],                       // STACK_GLOBAL whose module string comes back from the memo (BINGET)
        ["load-from-bytes", "torch.storage._load_from_bytes"],  // a nested torch.load of a legacy file that calls os.system
        ["inst-opcode", "os.system"],                           // protocol 0 INST: the global and the call in one opcode
        ["long-binget", "os.system"],                           // strings memoized, popped, fetched back by LONG_BINGET
    ];

    [TestMethod]
    [DynamicData(nameof(Hostile))]
    public void HostilePickles_AreRefusedNamingTheCallable_AndNothingRuns(string name, string callable)
    {
        var path = Path.Combine(folder, $"{name}.pth");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => WeightsFile.Load(path)).Message;

        StringAssert.Contains(error, $"{path} asks the unpickler for '{callable}', which a PyTorch state dict never needs; refusing to load it");
        Assert.IsFalse(File.Exists(Path.Combine(folder, $"{name}.ran")), "the payload ran");
    }

    [TestMethod]
    public void HostileFixtures_AreLive_PyTorchsOwnLoadRunsEveryPayload()
    {
        var live = Directory.CreateTempSubdirectory("vtp-hostile-live-").FullName;
        try
        {
            var written = Lines(ReferencePython.Script("pth_fixtures.py", "hostile", "--out", live));
            var ran = Lines(ReferencePython.Script("pth_fixtures.py", "fire", "--dir", live));

            CollectionAssert.AreEquivalent(Hostile.Select(row => (string)row[0]).ToList(), written, "every fixture is tested");
            CollectionAssert.AreEquivalent(written.Select(n => $"{n}.ran").ToList(), ran, "torch.load ran every payload");
        }
        finally
        {
            Directory.Delete(live, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("80 02 ff", "0xff is not an opcode of pickle protocols 0 to 5")]
    [DataRow("80 02 82 01 2e", "extension codes")]                                         // EXT1 1
    [DataRow("80 04 4b 01 4b 02 93 2e", "something other than a UTF-8 string")]            // BININT1 x2, STACK_GLOBAL
    [DataRow("53 27 6f 73 27 0a 53 27 73 79 73 74 65 6d 27 0a 93 2e", "something other than a UTF-8 string")] // STRING 'os', 'system', STACK_GLOBAL
    [DataRow("80 02 58 10 00 00 00 61 62", "argument runs past the end of the pickle (truncated)")] // BINUNICODE of 16 bytes, 2 there
    [DataRow("80 02 4a 01 00", "argument runs past the end of the pickle (truncated)")]   // BININT with 2 of its 4 bytes
    [DataRow("80 02 4e", "ends before its STOP opcode (truncated)")]                       // NONE
    [DataRow("80 02 4e 2e 4e", "1 bytes follow the STOP opcode")]
    [DataRow("80 02 63 6f 73 0a 73 79 73", "no terminating newline (truncated)")]          // GLOBAL 'os\nsys
    [DataRow("80 02 68 05 2e", "memo entry 5 was never stored")]                           // BINGET 5
    [DataRow("80 06 4e 2e", "protocol 6 is newer than the 5 Vtp knows")]
    [DataRow("80 02 4e 74 2e", "there is no MARK to pop to")]                              // NONE, TUPLE
    [DataRow("80 02 28 2e", "it takes a MARK as a value")]                                 // MARK, STOP
    [DataRow("80 02 52 2e", "the stack is empty")]                                         // REDUCE on nothing
    public void PicklesTheWalkCannotFollow_AreRefusedBeforeUnpickling(string hex, string expected)
    {
        var path = Path.Combine(folder, $"walk-{Guid.NewGuid():N}.pth");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var stream = archive.CreateEntry("walk/data.pkl", CompressionLevel.NoCompression).Open())
            stream.Write(Convert.FromHexString(hex.Replace(" ", "")));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => PyTorchCheckpoint.Load(path)).Message;

        StringAssert.Contains(error, $"{path} (walk/data.pkl): the pickle cannot be read safely at byte");
        StringAssert.Contains(error, expected);
    }

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
