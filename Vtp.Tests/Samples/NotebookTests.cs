// The notebooks (Vtp.Samples/notebooks/*.ipynb) and the C# examples of README.md and docs/*.md cannot run here as
// notebooks, so their C# is compiled into one program against the built assemblies, and each notebook is run with
// tiny settings injected after its parameters cell: a notebook or an example that breaks fails the build.
using Vtp.Tests.Support;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class NotebookTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void NotebooksAndDocExamples_Compile_AndTheNotebooksRun()
    {
        var world = SampleWorld.Instance;
        var root = PyTorchOracle.RepositoryRoot;
        var project = new ScriptProject(world.NewFolder());
        var notebooks = Directory.GetFiles(Path.Combine(root, "Vtp.Samples", "notebooks"), "*.ipynb").Order().ToList();
        Assert.HasCount(3, notebooks);
        foreach (var notebook in notebooks)
        {
            var cells = CSharpCells.FromNotebook(notebook);
            Assert.AreEqual(1, cells.Count(c => c.IsParameters), $"{notebook} has one cell tagged 'parameters'");
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
    }

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
            _ => throw new AssertFailedException($"{notebook}: no tiny settings; add them to {nameof(NotebookTests)}"),
        };
    }
}
