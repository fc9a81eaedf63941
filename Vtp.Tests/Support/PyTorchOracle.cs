// Where the PyTorch reference lives: Debian's python3 (with python3-torch) and the repository that holds reference/.
namespace Vtp.Tests.Support;

internal static class PyTorchOracle
{
    /// <summary>The Python with python3-torch 1.13 (Debian's), or $VTP_PYTHON.</summary>
    public static string Python => Environment.GetEnvironmentVariable("VTP_PYTHON") ?? "/usr/bin/python3";

    /// <summary>The repository root (the folder that holds Vtp.sln), found from the test binaries upwards.</summary>
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
