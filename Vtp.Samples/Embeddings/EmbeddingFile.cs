namespace Vtp.Samples.Embeddings;

/// <summary>Reads and writes embedding files, choosing the format by extension: .csv, .jsonl or .npy (docs/formats.md).</summary>
public static class EmbeddingFile
{
    /// <summary>The extensions understood.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".jsonl", ".npy"];

    /// <summary>Writes <paramref name="set"/> to <paramref name="path"/> (for .npy also its keys file), replacing what is there.</summary>
    /// <exception cref="ArgumentException">The extension is not one of <see cref="Extensions"/>.</exception>
    public static void Write(string path, EmbeddingSet set)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        switch (Extension(path))
        {
            case ".csv": EmbeddingCsv.Write(path, set); break;
            case ".jsonl": EmbeddingJsonl.Write(path, set); break;
            default: NpyEmbeddings.Write(path, set); break;
        }
    }

    /// <summary>Reads an embedding file written by <see cref="Write"/> (or by other tools in the same format).</summary>
    /// <exception cref="FileNotFoundException">The file (or an .npy file's keys file) does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the line or field.</exception>
    public static EmbeddingSet Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Embedding file '{path}' does not exist.", path);
        return Extension(path) switch
        {
            ".csv" => EmbeddingCsv.Read(path),
            ".jsonl" => EmbeddingJsonl.Read(path),
            _ => NpyEmbeddings.Read(path),
        };
    }

    private static string Extension(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return Extensions.Contains(extension) ? extension
            : throw new ArgumentException($"Embedding file '{path}' has extension '{extension}'; expected one of {string.Join(", ", Extensions)}.");
    }
}
