// The C# of notebooks and Markdown docs, split the way a compiled program needs it: #r references, using directives
// (hoisted to the top of the file), and the statements.
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vtp.Tests.Samples;

/// <summary>One block of C#: a notebook code cell or a ```csharp block of a Markdown file.</summary>
internal sealed record CSharpCell(string Source, string Origin, bool IsParameters);

internal static partial class CSharpCells
{
    /// <summary>The C# code cells of a Polyglot notebook, in order (the default kernel is C#).</summary>
    public static IReadOnlyList<CSharpCell> FromNotebook(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cells = new List<CSharpCell>();
        var index = 0;
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            index++;
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            var metadata = cell.GetProperty("metadata");
            var kernel = metadata.TryGetProperty("polyglot_notebook", out var polyglot) ? polyglot.GetProperty("kernelName").GetString() : "csharp";
            Assert.AreEqual("csharp", kernel, $"{Path.GetFileName(path)} cell {index}: only C# cells are checked");
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            var parameters = metadata.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == "parameters");
            cells.Add(new CSharpCell(source, $"{Path.GetFileName(path)} cell {index}", parameters));
        }
        return cells;
    }

    /// <summary>The ```csharp blocks of a Markdown file.</summary>
    public static IReadOnlyList<CSharpCell> FromMarkdown(string path) =>
        CSharpBlock().Matches(File.ReadAllText(path)).Select((m, i) => new CSharpCell(m.Groups[1].Value, $"{Path.GetFileName(path)} block {i + 1}", false)).ToList();

    /// <summary>The paths of the cell's <c>#r "path"</c> lines (its NuGet packages left out).</summary>
    public static IEnumerable<string> References(CSharpCell cell) => ReferenceValues(cell).Where(r => !PackageReference().IsMatch(r));

    /// <summary>The packages of the cell's <c>#r "nuget: Name, Version"</c> lines.</summary>
    public static IEnumerable<(string Name, string Version)> Packages(CSharpCell cell) =>
        ReferenceValues(cell).Select(r => PackageReference().Match(r)).Where(m => m.Success).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    /// <summary>The cell's using directives (not using statements or declarations).</summary>
    public static IEnumerable<string> Usings(CSharpCell cell) => Lines(cell).Where(l => UsingDirective().IsMatch(l)).Select(l => l.Trim());

    /// <summary>The cell without its #r lines and using directives, preceded by a #line directive naming its origin.</summary>
    public static string Statements(CSharpCell cell) =>
        $"#line 1 \"{cell.Origin}\"\n" + string.Join('\n', Lines(cell).Select(l => ReferenceLine().IsMatch(l) || UsingDirective().IsMatch(l) ? "" : l)) + "\n#line default\n";

    private static IEnumerable<string> ReferenceValues(CSharpCell cell) =>
        Lines(cell).Select(l => ReferenceLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    private static string[] Lines(CSharpCell cell) => cell.Source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^\s*#r\s+""([^""]+)""\s*$")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"^nuget:\s*([\w.-]+)\s*(?:,\s*(\S+))?\s*$")]
    private static partial Regex PackageReference();

    [GeneratedRegex(@"^\s*using\s+(static\s+)?(?!var\b)[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
