using System.CommandLine;
using Spectre.Console;
using Vtp.Modeling;
using Vtp.Samples.Cli;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp dump-forward</c>: a parity fixture that reference/dump.py can recompute (ParityDump).</summary>
internal static class DumpForwardCommand
{
    /// <summary>What was written.</summary>
    public sealed record Result(string Directory, IReadOnlyList<string> Files);

    public static Command Create(CommandRunner runner)
    {
        // Every option is required, as in reference/dump.py init: a fixture names all its inputs.
        var config = new Option<string>("--config") { Description = "Preset (tiny, parity, small, base) or the path of a config JSON file", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the weights (torch generator) and of the synthetic batch", Required = true };
        var batch = new Option<int>("--batch") { Description = "B, at least 2 (VTM needs a negative)", Required = true };
        var textLength = new Option<int>("--text-length") { Description = "L, caption length in tokens, at least 3", Required = true };
        var perturb = new Option<double>("--perturb") { Description = "Std of the noise added to biases and LayerNorm weights (0.02 for parity fixtures)", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write", Required = true };
        var command = new Command("dump-forward",
            "Write a parity fixture (config, weights, inputs, outputs, gradients, dual-encoder embeddings) in reference/dump.py's format")
        {
            config, seed, batch, textLength, perturb, output,
        };
        runner.Handle(command, (parse, io) =>
        {
            var folder = parse.GetValue(output)!;
            ParityDump.Write(folder, ModelConfigs.Load(parse.GetValue(config)!), parse.GetValue(seed), parse.GetValue(batch), parse.GetValue(textLength),
                parse.GetValue(perturb));
            var result = new Result(folder, Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order().ToList());
            return io.Result(result, () =>
            {
                io.Out.MarkupLineInterpolated($"Wrote {string.Join(", ", result.Files)} to [bold]{folder}[/].");
                io.Out.MarkupLineInterpolated($"The reference recomputes the outputs in place, so compare on a copy: cp -r {folder} {folder}-ref && /usr/bin/python3 reference/dump.py forward --dir {folder}-ref");
            });
        },
            "vtp dump-forward --config tiny --seed 1 --batch 3 --text-length 9 --perturb 0.02 --out fixtures/tiny",
            "cp -r fixtures/tiny fixtures/tiny-ref && /usr/bin/python3 reference/dump.py forward --dir fixtures/tiny-ref   # the reference's outputs");
        return command;
    }
}
