// PyTorch checkpoints as torch.save writes them since PyTorch 1.6: a zip holding <stem>/data.pkl (the pickled object)
// and <stem>/data/N (the raw storages). A pickle is a program that names the callables the unpickler is to call, so
// Vtp first walks data.pkl itself and refuses any file that names a callable outside AllowedGlobals; only then does
// TorchSharp.PyBridge unpickle it, from the same open file (docs/formats.md).
using System.IO.Compression;
using TorchSharp.PyBridge;

namespace Vtp.IO;

/// <summary>Reads the state dict of a PyTorch checkpoint (.pth) written by torch.save, refusing pickles that ask for more than tensors.</summary>
public static class PyTorchCheckpoint
{
    private const long MaxPickleBytes = 256L << 20;
    private static readonly byte[] ZipSignature = [0x50, 0x4b, 0x03, 0x04];
    private static readonly byte[] LegacySignature = [0x80, 0x02, 0x8a, 0x0a];      // PROTO 2, then the 10-byte magic number
    private static readonly string[] StorageTypes = ["Double", "Float", "Half", "BFloat16", "Long", "Int", "Short", "Char", "Byte", "Bool"];

    /// <summary>
    /// The callables ("module.name") a checkpoint's pickle may name: the OrderedDict a state dict is, PyTorch's tensor
    /// rebuilder and storage types, and argparse.Namespace, the training arguments VideoMAE and SimVTP save next to the
    /// weights (a plain class: in .NET it becomes a dictionary of its fields). Everything else is refused, including
    /// torch.storage._load_from_bytes (a nested torch.load) and torch._utils._rebuild_parameter (nn.Parameter objects,
    /// which a state dict does not hold).
    /// </summary>
    public static IReadOnlySet<string> AllowedGlobals { get; } = new HashSet<string>(
        ["collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "argparse.Namespace", .. StorageTypes.Select(t => $"torch.{t}Storage")],
        StringComparer.Ordinal);

    /// <summary>
    /// Reads the weights of a torch.save checkpoint, on the CPU: its "model" entry (a training checkpoint, as VideoMAE and
    /// SimVTP write them), else its "module" entry, else the file's own dictionary, the order the official fine-tuning
    /// code looks in. A "module." prefix on every name (a DistributedDataParallel model's state dict) is removed.
    /// Everything else in the file (optimizer state, epoch, arguments) is read and released. Tensors must be contiguous
    /// and start at the beginning of their storage, as a model's state_dict() writes them.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a torch.save zip (a legacy one is named as such), lacks
    /// data.pkl, holds a truncated or malformed pickle, names a callable outside <see cref="AllowedGlobals"/>, or holds no
    /// state dict; the message names the file and, for a refused callable, the callable.</exception>
    public static SafeTensorsContent Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[4];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (!head[..read].SequenceEqual(ZipSignature))
            throw new InvalidDataException(head[..read].SequenceEqual(LegacySignature)
                ? $"{path} is a legacy torch.save file (PyTorch before 1.6, or _use_new_zipfile_serialization=False), which Vtp does not read: " +
                  "save it again with a current PyTorch (torch.save(torch.load(f, weights_only=True), f)) or as safetensors."
                : $"{path} is not a PyTorch checkpoint: torch.save writes a zip archive, and this file does not start like one.");
        CheckPickle(stream, path);
        stream.Position = 0;
        System.Collections.Hashtable root;
        try
        {
            root = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path}: its pickle names only allowed callables, but TorchSharp.PyBridge could not read it: " +
                e.Message.Split('\n')[0], e);
        }
        return new SafeTensorsContent(CheckpointStateDict.Select(root, path), []);
    }

    /// <summary>True when <paramref name="head"/>, a file's first bytes, starts like torch.save output (a zip or a legacy pickle).</summary>
    internal static bool LooksLikeCheckpoint(ReadOnlySpan<byte> head) => head.StartsWith(ZipSignature) || head.StartsWith(LegacySignature);

    // Walks the data.pkl that PyBridge will unpickle (it takes the first entry whose name ends with "data.pkl", so there
    // must be exactly one) and refuses the file if it names a callable outside the allow-list.
    private static void CheckPickle(FileStream stream, string path)
    {
        stream.Position = 0;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: the zip archive is damaged or truncated ({e.Message})", e);
        }
        using (archive)
        {
            var candidates = archive.Entries.Where(e => e.Name.EndsWith("data.pkl", StringComparison.Ordinal)).ToList();
            if (candidates.Count != 1 || candidates[0].Name != "data.pkl")
                throw new InvalidDataException(candidates.Count == 0
                    ? $"{path}: the zip archive holds no data.pkl, so it was not written by torch.save."
                    : $"{path}: the zip archive must hold exactly one data.pkl, it holds {string.Join(", ", candidates.Select(e => $"'{e.FullName}'"))}.");
            var entry = candidates[0];
            var source = $"{path} ({entry.FullName})";
            foreach (var global in PickleGlobals.Find(ReadEntry(entry, source), source))
                if (!AllowedGlobals.Contains(global))
                    throw new InvalidDataException($"{path} asks the unpickler for '{global}', which a PyTorch state dict never needs; refusing to load it " +
                        "(a pickle can call any callable it names; docs/formats.md lists the ones Vtp allows).");
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, string source)
    {
        using var input = entry.Open();
        using var pickle = new MemoryStream();
        var chunk = new byte[1 << 16];
        while (true)
        {
            int read;
            try
            {
                read = input.Read(chunk);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{source}: the entry is damaged or truncated ({e.Message})", e);
            }
            if (read == 0) return pickle.ToArray();
            if (pickle.Length + read > MaxPickleBytes)
                throw new InvalidDataException($"{source}: the pickle is larger than the {MaxPickleBytes >> 20} MiB Vtp reads " +
                    "(a state dict's pickle holds only names, shapes and storage keys).");
            pickle.Write(chunk, 0, read);
        }
    }
}
