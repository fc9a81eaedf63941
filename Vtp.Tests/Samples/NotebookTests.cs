// The notebooks (Vtp.Samples/notebooks/*.ipynb) and the C# examples of README.md and docs/*.md cannot run here as
// notebooks, so their C# is compiled into one program against the built assemblies and the NuGet packages that the
// notebooks reference (#r "nuget: ...", at the versions of Directory.Packages.props), and each notebook is run with
// tiny settings injected after its parameters cell; README's pipeline example runs too, on the tiny world's data (its
// epochs are one step each there). A notebook or an example that breaks fails the build.
using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Tests.Support;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class NotebookTests
{
    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void NotebooksAndDocExamples_Compile_AndTheNotebooksRun()
    {
        var world = SampleWorld.Instance;
        var root = PyTorchOracle.RepositoryRoot;
        var project = new ScriptProject(world.NewFolder());
        var notebooks = Directory.GetFiles(Path.Combine(root, "Vtp.Samples", "notebooks"), "*.ipynb").Order().ToList();
        Assert.HasCount(4, notebooks);
        var versions = PackageVersions(root);
        foreach (var notebook in notebooks)
        {
            var cells = CSharpCells.FromNotebook(notebook);
            Assert.AreEqual(1, cells.Count(c => c.IsParameters), $"{notebook} has one cell tagged 'parameters'");
            var packages = cells.SelectMany(CSharpCells.Packages).ToList();
            CollectionAssert.Contains(packages, ("Microsoft.ML", versions["Microsoft.ML"]), $"{Path.GetFileName(notebook)} references the Microsoft.ML the build uses");
            foreach (var (name, version) in packages)
                Assert.AreEqual(versions.GetValueOrDefault(name), version, $"{Path.GetFileName(notebook)}: #r \"nuget: {name}, {version}\" is not the version in Directory.Packages.props");
            foreach (var reference in cells.SelectMany(CSharpCells.References))
            {
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(notebook)!, reference));
                Assert.IsTrue(File.Exists(resolved), $"{Path.GetFileName(notebook)}: #r \"{reference}\" resolves to {resolved}, which does not exist");
            }
            project.Add(Path.GetFileNameWithoutExtension(notebook), cells, TinySettings(Path.GetFileName(notebook), world));
        }
        var examples = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Prepend(Path.Combine(root, "README.md")).SelectMany(CSharpCells.FromMarkdown).ToList();
        Assert.IsTrue(examples.Count(e => e.Origin.StartsWith("getting-started.md", StringComparison.Ordinal)) >= 2, "docs/getting-started.md shows C# examples");
        foreach (var example in examples) project.Add(example.Origin, [example]);
        project.Build();

        var started = project.Run("01-getting-started");
        Assert.Contains("Embedded 12 videos.", started);
        Assert.Contains("Rank = 1", started);
        var pipeline = project.Run("02-pretrain-and-finetune");
        Assert.Contains("Pretrained 1 steps, fine-tuned 1 steps.", pipeline);
        Assert.Contains("model.zip.", pipeline);
        var evaluation = project.Run("03-evaluate-retrieval");
        var check = evaluation.Split('\n').Single(l => l.StartsWith("By hand:", StringComparison.Ordinal));
        var numbers = System.Text.RegularExpressions.Regex.Matches(check, @"R@\d+ (\d+\.\d)").Select(m => m.Groups[1].Value).ToList();
        CollectionAssert.AreEqual(numbers.Take(2).ToList(), numbers.Skip(2).ToList(), $"the notebook's ranks disagree with the evaluator: {check}");
        Assert.Contains("<svg", evaluation);
        var readme = world.NewFolder();                                        // where README's relative paths start
        Directory.CreateSymbolicLink(Path.Combine(readme, "demo"), Path.GetDirectoryName(world.TrainCsv)!);
        var readmeRun = project.Run("README.md block 1", readme);
        Assert.Contains("t2v R@1 ", readmeRun);
        using (var saved = SimVtpRetrievalModel.Load(new MLContext(1), Path.Combine(readme, "retrieval.zip")))
            Assert.AreEqual(64, saved.Dimension, "README's example saves the tiny model it trained");
        var ecosystem = project.Run("04-mlnet-ecosystem");
        Assert.Contains("Colour from the video embedding: micro accuracy ", ecosystem);
        Assert.HasCount(2, System.Text.RegularExpressions.Regex.Matches(ecosystem, @"^'a [a-z ]+' -> (Red|Green|Blue|Yellow|Purple|White)$",
            System.Text.RegularExpressions.RegexOptions.Multiline), ecosystem);
    }

    // The versions of Directory.Packages.props, by package.
    private static Dictionary<string, string> PackageVersions(string root) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);

    // Small data and one step of training, pointing at the shared world's data and fine-tuned package.
    private static string TinySettings(string notebook, SampleWorld world)
    {
        var data = Path.GetDirectoryName(world.TestCsv)!;
        return notebook switch
        {
            "01-getting-started.ipynb" => $"demoFolder = @\"{data}\"; packagePath = @\"{world.ModelPath}\";",
            "02-pretrain-and-finetune.ipynb" => $"demoFolder = @\"{data}\"; outputFolder = @\"{world.NewFolder()}\"; trainClips = 16; testClips = 8; " +
                "batchSize = 8; maxSteps = 1;",
            "03-evaluate-retrieval.ipynb" => $"demoFolder = @\"{data}\"; packagePath = @\"{world.ModelPath}\"; maxK = 10;",
            "04-mlnet-ecosystem.ipynb" => $"demoFolder = @\"{data}\"; packagePath = @\"{world.ModelPath}\";",
            _ => throw new AssertFailedException($"{notebook}: no tiny settings; add them to {nameof(NotebookTests)}"),
        };
    }
}
