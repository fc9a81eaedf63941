// Temporary folders shared by many tests, deleted once when the test assembly finishes (ProcessExit does not fire
// under the test host).
namespace Vtp.Tests;

[TestClass]
public static class TestFolders
{
    private static readonly List<string> Folders = [];

    /// <summary>Deletes <paramref name="folder"/> (if it still exists) when the test run ends.</summary>
    public static void DeleteAtEnd(string folder)
    {
        lock (Folders) Folders.Add(folder);
    }

    [AssemblyCleanup]
    public static void DeleteAll()
    {
        lock (Folders)
            foreach (var folder in Folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }
}
