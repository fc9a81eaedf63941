namespace Vtp.Tests.Data;

/// <summary>Writes annotation files into a scratch folder for reader tests.</summary>
internal sealed class AnnotationFiles : IDisposable
{
    public AnnotationFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"vtp-tests-data-{Guid.NewGuid():N}");

    /// <summary>Writes <paramref name="text"/> verbatim (line endings included) and returns the path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The absolute path of <paramref name="relative"/> under the folder.</summary>
    public string Under(string relative) => Path.GetFullPath(Path.Combine(Folder, relative));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
