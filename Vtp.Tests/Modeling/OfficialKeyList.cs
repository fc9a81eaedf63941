// Reads reference/simvtp-state-dict.txt, the official key list of the SimVTP checkpoints (base config).
using System.Text.RegularExpressions;
using Vtp.Tests.Support;

namespace Vtp.Tests.Modeling;

/// <summary>One state-dict entry: a key and its shape.</summary>
internal sealed record KeyShape(string Key, long[] Shape)
{
    public override string ToString() => $"{Key} [{string.Join(", ", Shape)}]";
}

internal static partial class OfficialKeyList
{
    private static string[] Lines => File.ReadAllLines(Path.Combine(PyTorchOracle.RepositoryRoot, "reference", "simvtp-state-dict.txt"));

    /// <summary>The pretraining model's keys (with the class-default 8 decoder blocks), in order.</summary>
    public static List<KeyShape> Pretrain() => Section("# SimVTP pretraining model");

    /// <summary>The dual encoder's keys, with the list's "blocks 1-10 follow the same pattern" expanded, in order.</summary>
    public static List<KeyShape> DualEncoder()
    {
        var listed = Section("# SimVTP fine-tuning dual encoder");
        var expanded = new List<KeyShape>();
        var blockZero = new List<(string Tower, string Leaf, long[] Shape)>();
        void Flush()
        {
            for (int block = 0; block < 12; block++)
                expanded.AddRange(blockZero.Select(e => new KeyShape($"{e.Tower}.blocks.{block}.{e.Leaf}", e.Shape)));
            blockZero.Clear();
        }
        foreach (var entry in listed)
        {
            var match = BlockKey().Match(entry.Key);
            if (match.Success && match.Groups[2].Value == "0") { blockZero.Add((match.Groups[1].Value, match.Groups[3].Value, entry.Shape)); continue; }
            if (match.Success) continue;  // block 11 is listed too; every block comes from block 0's pattern
            Flush();
            expanded.Add(entry);
        }
        Flush();
        return expanded;
    }

    private static List<KeyShape> Section(string header)
    {
        var entries = new List<KeyShape>();
        var inside = false;
        foreach (var line in Lines)
        {
            if (line.StartsWith('#')) { inside = line.StartsWith(header, StringComparison.Ordinal) || (inside && !line.StartsWith("# SimVTP", StringComparison.Ordinal)); continue; }
            if (!inside || line.Trim().Length == 0) { inside &= line.Trim().Length > 0; continue; }
            var parts = line.Split('\t');
            var shape = parts[1].Trim('[', ']').Split(',', StringSplitOptions.TrimEntries).Select(long.Parse).ToArray();
            entries.Add(new KeyShape(parts[0], shape));
        }
        return entries;
    }

    [GeneratedRegex(@"^(\w+)\.blocks\.(\d+)\.(.+)$")]
    private static partial Regex BlockKey();
}
