// Which part of an unpickled torch.save checkpoint is the state dict, following the official fine-tuning code
// (VideoMAE run_class_finetuning.py, --model_key 'model|module'), and the release of every other tensor in it.
using System.Collections;
using Razorvine.Pickle.Objects;
using static TorchSharp.torch;

namespace Vtp.IO;

internal static class CheckpointStateDict
{
    private static readonly string[] Entries = ["model", "module"];
    private const string DataParallelPrefix = "module.";

    /// <summary>
    /// The state dict in <paramref name="checkpoint"/>: its "model" entry, else its "module" entry, else itself; names
    /// lose a "module." prefix that every one of them carries. Every other tensor of the checkpoint is disposed, and on
    /// an error all of them are.
    /// </summary>
    /// <exception cref="InvalidDataException">The chosen part is not a dictionary of names to tensors; the message names
    /// <paramref name="source"/> and the entry.</exception>
    public static Dictionary<string, Tensor> Select(Hashtable checkpoint, string source)
    {
        var key = Entries.FirstOrDefault(checkpoint.ContainsKey);
        var where = key is null ? "the top-level dictionary" : $"entry '{key}'";
        var tensors = new Dictionary<string, Tensor>();
        try
        {
            var chosen = key is null ? checkpoint : checkpoint[key];
            if (chosen is not IDictionary stateDict) throw new InvalidDataException($"{source}: {where} holds a {PythonType(chosen)}, not a state dict.");
            foreach (DictionaryEntry item in stateDict)
                tensors.Add(item.Key as string ?? throw new InvalidDataException($"{source}: {where} has a {PythonType(item.Key)} key, not a name."),
                    item.Value as Tensor ?? throw new InvalidDataException(
                        $"{source}: {where} maps '{item.Key}' to a {PythonType(item.Value)}, not a tensor: it is not a state dict."));
        }
        catch
        {
            DisposeTensors(checkpoint, keep: new HashSet<Tensor>(ReferenceEqualityComparer.Instance));
            throw;
        }
        DisposeTensors(checkpoint, keep: new HashSet<Tensor>(tensors.Values, ReferenceEqualityComparer.Instance));
        return tensors.Count > 0 && tensors.Keys.All(k => k.StartsWith(DataParallelPrefix, StringComparison.Ordinal))
            ? tensors.ToDictionary(kv => kv.Key[DataParallelPrefix.Length..], kv => kv.Value)
            : tensors;
    }

    // Walks the unpickled object graph (dictionaries, lists, tuples, sets; the memo can make it cyclic) without recursion.
    private static void DisposeTensors(object root, HashSet<Tensor> keep)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([root]);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node)) continue;
            IEnumerable children = node switch
            {
                Tensor tensor => Release(tensor, keep),
                IDictionary dictionary => dictionary.Values,
                string or byte[] => Array.Empty<object>(),
                IEnumerable items => items,
                _ => Array.Empty<object>(),
            };
            foreach (var child in children)
                if (child is not null) pending.Push(child);
        }
    }

    private static object[] Release(Tensor tensor, HashSet<Tensor> keep)
    {
        if (!keep.Contains(tensor)) tensor.Dispose();
        return [];
    }

    private static string PythonType(object? value) => value switch
    {
        null => "None",
        ClassDict instance => instance.ClassName,
        string => "str",
        int or long or System.Numerics.BigInteger => "int",
        double => "float",
        bool => "bool",
        object[] => "tuple",
        IDictionary => "dict",
        IList => "list",
        _ => value.GetType().Name,
    };
}
