// Runs reference/ops_oracle.py once (Debian's python3-torch) and serves its inputs and expected outputs as tensors.
using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;

namespace Vtp.Tests.Support;

internal static class PyTorchOracle
{
    private static readonly Lazy<JsonElement> Cases = new(Run);

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

    private static JsonElement Run()
    {
        var script = Path.Combine(RepositoryRoot, "reference", "ops_oracle.py");
        var info = new ProcessStartInfo(Python, script) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    public static Tensor Input(string caseName, string name) => ToTensor(Cases.Value.GetProperty(caseName).GetProperty("inputs").GetProperty(name));
    public static Tensor Output(string caseName, string name) => ToTensor(Cases.Value.GetProperty(caseName).GetProperty("outputs").GetProperty(name));
    public static double Arg(string caseName, string name) => Cases.Value.GetProperty(caseName).GetProperty("args").GetProperty(name).GetDouble();

    private static Tensor ToTensor(JsonElement e)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var data = e.GetProperty("data");
        return e.GetProperty("dtype").GetString() switch
        {
            "float32" => tensor(data.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray(), shape),
            "float64" => tensor(data.EnumerateArray().Select(x => x.GetDouble()).ToArray(), shape),
            "int64" => tensor(data.EnumerateArray().Select(x => x.GetInt64()).ToArray(), shape),
            "bool" => tensor(data.EnumerateArray().Select(x => x.GetBoolean()).ToArray(), shape),
            var other => throw new InvalidOperationException($"unknown dtype {other}"),
        };
    }
}
