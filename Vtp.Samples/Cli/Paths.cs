namespace Vtp.Samples.Cli;

/// <summary>How paths are shown: relative to the current directory (where every path given to vtp starts).</summary>
internal static class Paths
{
    /// <summary><paramref name="path"/> relative to the current directory when it lies below it, else as given.</summary>
    public static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
