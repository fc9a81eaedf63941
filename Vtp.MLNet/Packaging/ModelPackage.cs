// Vtp's model package: one zip holding config.json, model.safetensors, vocab.txt and manifest.json (format version,
// library version, model kind, SHA-256 of every other entry), written atomically and checked entry by entry on load.
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TorchSharp;
using Vtp.IO;
using Vtp.Modeling;
using Vtp.Text;
using static TorchSharp.torch;

namespace Vtp.MLNet;

/// <summary>What a package holds; the manifest's "kind".</summary>
internal enum PackageKind
{
    /// <summary>"pretrain": the SimVTP pretraining model (encoder, decoder, heads).</summary>
    Pretrain,

    /// <summary>"dual-encoder": the fine-tuned retrieval model (video and text towers).</summary>
    DualEncoder,
}

/// <summary>What <see cref="ModelPackage.Read"/> returns; disposing it disposes the weight tensors.</summary>
internal sealed record PackageContents(SimVtpConfig Config, Dictionary<string, Tensor> Weights, WordPieceVocabulary Vocabulary, PackageManifest Manifest)
    : IDisposable
{
    public void Dispose()
    {
        foreach (var tensor in Weights.Values) tensor.Dispose();
    }
}

internal static class ModelPackage
{
    public const string ManifestEntry = "manifest.json";
    public const string ConfigEntry = "config.json";
    public const string WeightsEntry = "model.safetensors";
    public const string VocabularyEntry = "vocab.txt";

    private static readonly string[] ContentEntries = [ConfigEntry, WeightsEntry, VocabularyEntry];

    public static string KindName(PackageKind kind) => kind == PackageKind.Pretrain ? "pretrain" : "dual-encoder";

    /// <summary>
    /// Writes a package of <paramref name="model"/>'s parameters (by their official names) to a temporary file next to
    /// <paramref name="path"/>, then renames it over <paramref name="path"/>: a crash never leaves a partial package.
    /// </summary>
    public static void Write(string path, PackageKind kind, SimVtpConfig config, nn.Module model, WordPieceVocabulary vocabulary,
        JsonObject? settings = null)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp{Environment.ProcessId}";
        var weights = $"{temp}.safetensors";
        try
        {
            SafeTensors.Save(weights, model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter));
            var contents = new Dictionary<string, byte[]>
            {
                [ConfigEntry] = Encoding.UTF8.GetBytes(config.ToJson()),
                [WeightsEntry] = File.ReadAllBytes(weights),
                [VocabularyEntry] = VocabularyBytes(vocabulary),
            };
            var manifest = new PackageManifest
            {
                Format = PackageManifest.FormatName, FormatVersion = PackageManifest.CurrentFormatVersion,
                LibraryVersion = PackageManifest.LibraryVersionOfThisBuild, Kind = KindName(kind),
                Entries = contents.ToDictionary(kv => kv.Key, kv => Sha256(kv.Value)), Settings = settings,
            };
            using (var file = File.Create(temp))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                foreach (var (name, bytes) in contents)
                    AddEntry(zip, name, bytes, name == WeightsEntry ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                AddEntry(zip, ManifestEntry, manifest.ToUtf8(), CompressionLevel.Optimal);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(weights);
            File.Delete(temp);
        }
    }

    /// <summary>Reads and checks a package: zip readable, manifest present, format version, kind, every entry's hash.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Anything else is wrong; the message names the package, the entry and both values.</exception>
    public static PackageContents Read(string path, PackageKind expected)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"No model package at '{full}'.", full);
        using var file = File.OpenRead(full);
        ZipArchive zip;
        try { zip = new ZipArchive(file, ZipArchiveMode.Read); }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"'{full}' is not a readable Vtp model package: the zip is truncated or corrupt ({error.Message}).", error);
        }
        using (zip)
        {
            var manifest = PackageManifest.Parse(ReadEntry(zip, full, ManifestEntry), $"'{full}' entry '{ManifestEntry}'");
            CheckManifest(manifest, full, expected);
            var bytes = new Dictionary<string, byte[]>();
            foreach (var name in ContentEntries)
            {
                var content = ReadEntry(zip, full, name);
                var actual = Sha256(content);
                if (!string.Equals(actual, manifest.Entries![name], StringComparison.OrdinalIgnoreCase))
                    throw new InvalidDataException(
                        $"'{full}' entry '{name}' fails its SHA-256 check: the manifest says {manifest.Entries[name]}, the entry hashes to {actual}. " +
                        "The package was modified or damaged after it was written.");
                bytes[name] = content;
            }
            var unexpected = zip.Entries.Select(e => e.FullName).Where(n => n != ManifestEntry && !ContentEntries.Contains(n)).ToList();
            if (unexpected.Count > 0)
                throw new InvalidDataException($"'{full}' holds entries the manifest does not cover: {string.Join(", ", unexpected)}.");
            SimVtpConfig config;
            try { config = SimVtpConfig.FromJson(Encoding.UTF8.GetString(bytes[ConfigEntry]), $"'{full}' entry '{ConfigEntry}'"); }
            catch (ArgumentException error) { throw new InvalidDataException(error.Message, error); }
            var vocabulary = WordPieceVocabulary.Load(new MemoryStream(bytes[VocabularyEntry]), $"'{full}' entry '{VocabularyEntry}'");
            return new PackageContents(config, LoadWeights(bytes[WeightsEntry], full), vocabulary, manifest);
        }
    }

    private static void CheckManifest(PackageManifest manifest, string path, PackageKind expected)
    {
        var where = $"'{path}' entry '{ManifestEntry}'";
        if (manifest.Format != PackageManifest.FormatName)
            throw new InvalidDataException($"{where}: format is '{manifest.Format}', expected '{PackageManifest.FormatName}'.");
        if (manifest.FormatVersion != PackageManifest.CurrentFormatVersion)
            throw new InvalidDataException(
                $"{where}: format version {manifest.FormatVersion} (written by Vtp {manifest.LibraryVersion}), but this library " +
                $"(Vtp {PackageManifest.LibraryVersionOfThisBuild}) reads format version {PackageManifest.CurrentFormatVersion}.");
        if (manifest.Kind != KindName(expected))
        {
            var loader = manifest.Kind == KindName(PackageKind.Pretrain) ? "SimVtpPretrainTransformer.Load" : "SimVtpEmbeddingTransformer.Load";
            throw new InvalidDataException(
                $"{where}: the package holds a '{manifest.Kind}' model, expected '{KindName(expected)}'" +
                (manifest.Kind is "pretrain" or "dual-encoder" ? $" (load it with {loader}(mlContext, path))." : "."));
        }
        var missing = ContentEntries.Where(n => manifest.Entries is null || !manifest.Entries.ContainsKey(n)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{where} lists no SHA-256 for {string.Join(", ", missing)}.");
    }

    private static byte[] ReadEntry(ZipArchive zip, string path, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"'{path}' has no entry '{name}'.");
        try
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"'{path}' entry '{name}' is corrupt ({error.Message}).", error);
        }
    }

    private static Dictionary<string, Tensor> LoadWeights(byte[] bytes, string path)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"vtp-package-{Guid.NewGuid():N}.safetensors");
        try
        {
            File.WriteAllBytes(temp, bytes);
            try { return SafeTensors.Load(temp).Tensors; }
            catch (InvalidDataException error) { throw new InvalidDataException($"'{path}' entry '{WeightsEntry}': {error.Message}", error); }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static byte[] VocabularyBytes(WordPieceVocabulary vocabulary)
    {
        using var stream = new MemoryStream();
        vocabulary.Save(stream);
        return stream.ToArray();
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(bytes);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
