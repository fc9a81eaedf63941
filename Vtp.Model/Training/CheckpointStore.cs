// Atomic training checkpoints: weights, AdamW moments and the training position, in a folder per step.
using System.Text.Json;
using TorchSharp.Modules;
using Vtp.IO;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Training;

/// <summary>
/// Saves checkpoints as <c>checkpoint-NNNNNNNN/</c> folders (model.safetensors, optimizer.safetensors, position.json)
/// written under a temporary name and renamed into place, then points the <c>latest</c> file at them (also by rename).
/// A crash at any moment leaves the previous checkpoint intact and <c>latest</c> pointing at a complete one.
/// </summary>
public sealed class CheckpointStore
{
    private const string LatestFile = "latest";
    private readonly int keepLast;

    public CheckpointStore(string directory, int keepLast = 2)
    {
        if (keepLast < 1) throw new ArgumentOutOfRangeException(nameof(keepLast), keepLast, "At least one checkpoint must be kept.");
        Directory = directory;
        this.keepLast = keepLast;
    }

    public string Directory { get; }

    /// <summary>Writes a checkpoint of the model, the optimizer moments and the position; returns its folder.</summary>
    public string Save(nn.Module model, AdamW optimizer, TrainingPosition position)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"checkpoint-{position.Step:D8}";
        var final = Path.Combine(Directory, name);
        var temp = Path.Combine(Directory, $".{name}.tmp{Environment.ProcessId}");
        if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, true);
        System.IO.Directory.CreateDirectory(temp);
        using (var scope = NewDisposeScope())
        {
            SafeTensors.Save(Path.Combine(temp, "model.safetensors"), model.state_dict());
            SafeTensors.Save(Path.Combine(temp, "optimizer.safetensors"), OptimizerTensors(model, optimizer));
        }
        File.WriteAllText(Path.Combine(temp, "position.json"), JsonSerializer.Serialize(position));
        if (System.IO.Directory.Exists(final)) System.IO.Directory.Delete(final, true);
        System.IO.Directory.Move(temp, final);
        var latestTemp = Path.Combine(Directory, $".{LatestFile}.tmp{Environment.ProcessId}");
        File.WriteAllText(latestTemp, name);
        File.Move(latestTemp, Path.Combine(Directory, LatestFile), overwrite: true);
        Prune(name);
        return final;
    }

    /// <summary>The newest complete checkpoint folder, or null when there is none.</summary>
    public string? Latest()
    {
        var pointer = Path.Combine(Directory, LatestFile);
        if (!File.Exists(pointer)) return null;
        var folder = Path.Combine(Directory, File.ReadAllText(pointer).Trim());
        return System.IO.Directory.Exists(folder) ? folder : throw new InvalidDataException($"{pointer} names {folder}, which does not exist.");
    }

    /// <summary>Loads weights and optimizer moments from a checkpoint folder into the model and an optimizer built
    /// over <see cref="ParameterGroups.For"/>.</summary>
    public static TrainingPosition Restore(string folder, nn.Module model, AdamW optimizer)
    {
        var weights = SafeTensors.Load(Path.Combine(folder, "model.safetensors"));
        var moments = SafeTensors.Load(Path.Combine(folder, "optimizer.safetensors"));
        try
        {
            SimVtpCheckpoint.LoadExact(model, weights.Tensors, Path.Combine(folder, "model.safetensors"));
            var state = optimizer.state_dict();
            var parameters = optimizer.parameters().ToList();
            foreach (var (name, i) in OptimizerNames(model, state).Select((n, i) => (n, i)))
            {
                var saved = new AdamW.State(parameters[i])
                {
                    step = Required(moments, $"step.{name}", folder).ToInt64(),
                    exp_avg = Required(moments, $"exp_avg.{name}", folder),
                    exp_avg_sq = Required(moments, $"exp_avg_sq.{name}", folder),
                };
                state.State[i] = saved;
            }
            optimizer.load_state_dict(state);
        }
        finally
        {
            foreach (var t in weights.Tensors.Values.Concat(moments.Tensors.Values)) t.Dispose();
        }
        var position = JsonSerializer.Deserialize<TrainingPosition>(File.ReadAllText(Path.Combine(folder, "position.json")))
            ?? throw new InvalidDataException($"{folder}/position.json is empty.");
        return position;
    }

    private static Tensor Required(SafeTensorsContent content, string key, string folder) =>
        content.Tensors.TryGetValue(key, out var t) ? t : throw new InvalidDataException($"{folder}/optimizer.safetensors has no '{key}': the checkpoint belongs to another model.");

    private static Dictionary<string, Tensor> OptimizerTensors(nn.Module model, AdamW optimizer)
    {
        var state = optimizer.state_dict();
        var result = new Dictionary<string, Tensor>();
        foreach (var (name, moments) in OptimizerNames(model, state).Zip(state.State.Cast<AdamW.State>()))
        {
            result[$"exp_avg.{name}"] = moments.exp_avg;
            result[$"exp_avg_sq.{name}"] = moments.exp_avg_sq;
            result[$"step.{name}"] = tensor(moments.step);
        }
        return result;
    }

    // The optimizer's state is a list in parameter order; the checkpoint keys it by parameter name.
    private static IReadOnlyList<string> OptimizerNames(nn.Module model, optim.Optimizer.StateDictionary state)
    {
        var names = ParameterGroups.Names(model);
        return names.Count == state.State.Count ? names : throw new InvalidOperationException(
            $"The optimizer holds {state.State.Count} parameters but the model trains {names.Count}: checkpoints need an optimizer " +
            "built over ParameterGroups.For(model).");
    }

    private void Prune(string newest)
    {
        var old = System.IO.Directory.GetDirectories(Directory, "checkpoint-*").Select(Path.GetFileName).OfType<string>()
            .Where(n => n != newest).OrderDescending().Skip(keepLast - 1);
        foreach (var n in old) System.IO.Directory.Delete(Path.Combine(Directory, n), true);
        foreach (var stale in System.IO.Directory.GetDirectories(Directory, ".checkpoint-*.tmp*")) System.IO.Directory.Delete(stale, true);
    }
}
