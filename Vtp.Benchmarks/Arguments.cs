// Small helpers for the benchmarks' command-line options and the repository location.
using System.Globalization;

namespace Vtp.Benchmarks;

internal static class Arguments
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string String(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>The folder that holds Vtp.sln, searched upwards from the benchmark binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Vtp.sln"))) return d.FullName;
            throw new InvalidOperationException("Vtp.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
