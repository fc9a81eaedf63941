// Compiles notebooks and doc snippets into one console program against the built Vtp assemblies, the way a notebook
// kernel would run them: each notebook (or snippet) becomes one async method whose body is its cells in order.
using System.Diagnostics;
using System.Text;

namespace Vtp.Tests.Samples;

internal sealed class ScriptProject(string folder)
{
    private static readonly string[] Assemblies = ["Vtp.Model", "Vtp.Distributed", "Vtp.MLNet", "vtp", "Microsoft.ML.Tokenizers"];
    private static readonly (string Name, string Version)[] Engine = [("TorchSharp", "0.107.0"), ("libtorch-cpu-linux-x64", "2.10.0")];
    private readonly List<string> entryPoints = [];
    private readonly SortedSet<(string Name, string Version)> packages = [];

    /// <summary>Adds a program named <paramref name="name"/> made of <paramref name="cells"/>, with <paramref name="afterParameters"/>
    /// inserted after the parameters cell (as papermill injects parameters).</summary>
    public void Add(string name, IReadOnlyList<CSharpCell> cells, string afterParameters = "")
    {
        packages.UnionWith(cells.SelectMany(CSharpCells.Packages));
        var type = "Script_" + new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        var code = new StringBuilder();
        foreach (var directive in cells.SelectMany(CSharpCells.Usings).Distinct()) code.AppendLine(directive);
        code.AppendLine($"public static class {type}\n{{\n    public static async System.Threading.Tasks.Task Run()\n    {{");
        foreach (var cell in cells)
        {
            code.Append(CSharpCells.Statements(cell));
            if (cell.IsParameters) code.AppendLine(afterParameters);
        }
        code.AppendLine("        await System.Threading.Tasks.Task.CompletedTask;\n    }\n}");
        File.WriteAllText(Path.Combine(folder, type + ".cs"), code.ToString());
        entryPoints.Add($"            case \"{name}\": await {type}.Run(); return 0;");
    }

    /// <summary>Writes the project, the program and the notebook helpers, and builds; fails the test with the compiler's errors.
    /// The NuGet packages that the notebooks' <c>#r "nuget: ..."</c> lines name are package references of the whole program.</summary>
    public void Build()
    {
        var binaries = AppContext.BaseDirectory;
        var references = string.Concat(Assemblies.Select(a => $"<Reference Include=\"{a}\"><HintPath>{Path.Combine(binaries, a + ".dll")}</HintPath></Reference>"))
            + string.Concat(packages.Concat(Engine).Distinct().Select(p => $"<PackageReference Include=\"{p.Name}\" Version=\"{p.Version}\" />"));
        // TorchSharp with its native libtorch, and the repository's build step that lets its bridge load on Debian 12.
        var targets = Path.Combine(Vtp.Tests.Support.PyTorchOracle.RepositoryRoot, "Directory.Build.targets");
        File.WriteAllText(Path.Combine(folder, "Scripts.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings><NoWarn>CS1998</NoWarn><AssemblyName>Scripts</AssemblyName>
              </PropertyGroup>
              <ItemGroup>{references}<None Include="{Path.Combine(binaries, "libVtpGloo.so")}" CopyToOutputDirectory="PreserveNewest" /></ItemGroup>
              <Import Project="{targets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), $$"""
            public static class Program
            {
                public static async System.Threading.Tasks.Task<int> Main(string[] args)
                {
                    switch (args[0])
                    {
            {{string.Join('\n', entryPoints)}}
                    }
                    return 2;
                }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "NotebookKernel.cs"), """
            // What the notebook kernel provides (Microsoft.DotNet.Interactive.Kernel.display and HTML), printing instead.
            global using static NotebookKernel;
            public static class NotebookKernel
            {
                public static object display(object value, params string[] mimeTypes)
                {
                    System.Console.WriteLine(value is HtmlContent html ? html.Html : value is System.Collections.IEnumerable items && value is not string
                        ? string.Join(System.Environment.NewLine, System.Linq.Enumerable.Cast<object>(items)) : value);
                    return value;
                }
                public static HtmlContent HTML(string content) => new(content);
            }
            public sealed record HtmlContent(string Html);
            """);
        var (code, output) = Dotnet(folder, "build", "-c", "Release", "-nologo", "-v", "quiet", "-clp:ErrorsOnly");
        Assert.AreEqual(0, code, $"the notebooks and doc snippets do not compile:\n{output}");
    }

    /// <summary>Runs the program named <paramref name="name"/> in <paramref name="workingDirectory"/> (default: the project's
    /// folder); returns its output, failing the test on a non-zero exit.</summary>
    public string Run(string name, string? workingDirectory = null)
    {
        var (code, output) = Dotnet(workingDirectory ?? folder, Path.Combine(folder, "bin", "Release", "net10.0", "Scripts.dll"), name);
        Assert.AreEqual(0, code, $"{name} failed:\n{output}");
        return output;
    }

    private static (int Code, string Output) Dotnet(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
