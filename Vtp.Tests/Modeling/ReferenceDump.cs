// Runs reference/dump.py (Debian's python3-torch) into a temporary directory and reads what it wrote.
using Vtp.IO;
using Vtp.Modeling;
using Vtp.Tests.Support;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

/// <summary>A fixture directory in the reference dump format (reference/README.md); deleted on dispose.</summary>
internal sealed class ReferenceDump : IDisposable
{
    public ReferenceDump(string prefix) => Directory = System.IO.Directory.CreateTempSubdirectory($"vtp-{prefix}-").FullName;

    public string Directory { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>dump.py init: random weights (seeded, perturbed constants) and inputs.</summary>
    public ReferenceDump Init(string config, int seed, int batch, int textLength, double perturb = 0.02)
    {
        Run("init", "--config", config, "--seed", $"{seed}", "--batch", $"{batch}", "--text-length", $"{textLength}",
            "--perturb", $"{perturb:R}", "--out", Directory);
        return this;
    }

    /// <summary>dump.py forward or finetune-embed on this directory, optionally in another compute dtype.</summary>
    public ReferenceDump Compute(string verb, string? dtype = null)
    {
        var arguments = new List<string> { verb, "--dir", Directory };
        if (dtype != null) arguments.AddRange(["--dtype", dtype]);
        Run([.. arguments]);
        return this;
    }

    public SimVtpConfig Config => SimVtpConfig.FromJson(File.ReadAllText(PathOf("config.json")), PathOf("config.json"));

    /// <summary>Reads a safetensors file of the directory (tensors join the caller's dispose scope).</summary>
    public Dictionary<string, Tensor> Read(string file) => SafeTensors.Load(PathOf(file)).Tensors;

    /// <summary>The pretraining inputs of inputs.safetensors, floats converted to <paramref name="dtype"/>.</summary>
    public static PretrainInputs Inputs(Dictionary<string, Tensor> tensors, ScalarType dtype) => new(
        tensors["video"].to(dtype), tensors["bool_masked_pos"], tensors["input_ids"], tensors["attention_mask"],
        tensors["mlm_labels"], tensors["vtm_neg_index"]);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void Run(params string[] arguments) => ReferencePython.Script("dump.py", arguments);

    /// <summary>Runs Python code with reference/ on the path and returns what it printed.</summary>
    public static string RunCode(string code) => ReferencePython.Run("-c", $"import sys; sys.path.insert(0, 'reference')\n{code}");
}
