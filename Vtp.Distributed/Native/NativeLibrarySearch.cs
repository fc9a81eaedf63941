// Finds Vtp's native library: in $VTP_NATIVE_DIR, next to the assembly (copied there by the build), or in the source
// tree's build folder (for tools run from a checkout).
using System.Reflection;

namespace Vtp.Native;

internal static class NativeLibrarySearch
{
    /// <summary>The path of <paramref name="fileName"/>, looked for in $VTP_NATIVE_DIR, next to the assembly, then in
    /// <paramref name="treeFolder"/> (relative to the source tree's root) above it.</summary>
    /// <exception cref="DllNotFoundException">Nowhere; the message lists where it looked and ends with <paramref name="buildHint"/>.</exception>
    public static string Find(string fileName, string treeFolder, string buildHint)
    {
        var candidates = Candidates(fileName, treeFolder).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? throw new DllNotFoundException(
            $"{fileName} was not found (looked in: {string.Join(", ", candidates)}). {buildHint}, or set VTP_NATIVE_DIR to the folder that holds it.");
    }

    private static IEnumerable<string> Candidates(string fileName, string treeFolder)
    {
        var env = Environment.GetEnvironmentVariable("VTP_NATIVE_DIR");
        if (!string.IsNullOrEmpty(env)) yield return Path.Combine(env, fileName);
        yield return Path.Combine(AppContext.BaseDirectory, fileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory).Parent; dir != null; dir = dir.Parent)
        {
            var inTree = Path.Combine(dir.FullName, treeFolder, fileName);
            if (File.Exists(inTree)) { yield return inTree; yield break; }
        }
    }
}
