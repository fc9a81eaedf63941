namespace Vtp.Samples.Embeddings;

/// <summary>Joins the shards written by <c>vtp embed --shard i/n</c> into one embedding set, checking that they belong to
/// one job and that every shard is present exactly once.</summary>
public static class EmbeddingShardMerger
{
    /// <summary>The rows of every shard file in row order.</summary>
    /// <exception cref="InvalidDataException">Shards are missing, repeated, from different jobs, or disagree with their files.</exception>
    public static EmbeddingSet Merge(IReadOnlyList<string> files)
    {
        if (files.Count == 0) throw new InvalidDataException("No shard files given.");
        var shards = files.Select(f => (File: f, Shard: EmbeddingShard.Read(f))).ToList();
        var first = shards[0];
        foreach (var (file, shard) in shards.Skip(1))
            if ((shard.Count, shard.Total, shard.Kind, shard.KeysDigest) != (first.Shard.Count, first.Shard.Total, first.Shard.Kind, first.Shard.KeysDigest))
                throw new InvalidDataException($"'{file}' is shard {shard.Index}/{shard.Count} of a {shard.Kind} job over {shard.Total} rows (keys " +
                    $"{shard.KeysDigest[..12]}), but '{first.File}' belongs to a {first.Shard.Kind} job of {first.Shard.Count} shards over " +
                    $"{first.Shard.Total} rows (keys {first.Shard.KeysDigest[..12]}).");
        var byIndex = shards.GroupBy(s => s.Shard.Index).ToDictionary(g => g.Key, g => g.Select(s => s.File).ToList());
        var repeated = byIndex.Where(g => g.Value.Count > 1).Select(g => $"{g.Key} ({string.Join(", ", g.Value)})").ToList();
        if (repeated.Count > 0) throw new InvalidDataException($"Shards given more than once: {string.Join("; ", repeated)}.");
        var missing = Enumerable.Range(0, first.Shard.Count).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"Shards missing: {string.Join(", ", missing.Select(i => $"{i}/{first.Shard.Count}"))}.");

        var keys = new List<string>(first.Shard.Total);
        var vectors = new List<float[]>(first.Shard.Total);
        foreach (var (file, shard) in shards.OrderBy(s => s.Shard.Index))
        {
            if (shard.Start != keys.Count) throw new InvalidDataException($"'{file}' starts at row {shard.Start}; the shards before it end at row {keys.Count}.");
            var set = EmbeddingFile.Read(file);
            if (set.Keys.Count != shard.End - shard.Start)
                throw new InvalidDataException($"'{file}' holds {set.Keys.Count} rows; its description says rows {shard.Start}..{shard.End} ({shard.End - shard.Start}).");
            if (vectors.Count > 0 && set.Dimension != vectors[0].Length)
                throw new InvalidDataException($"'{file}' has {set.Dimension} values per vector; the shards before it have {vectors[0].Length}.");
            keys.AddRange(set.Keys);
            vectors.AddRange(set.Vectors);
        }
        if (keys.Count != first.Shard.Total) throw new InvalidDataException($"The shards hold {keys.Count} rows; the job has {first.Shard.Total}.");
        if (EmbeddingShard.Digest(keys) != first.Shard.KeysDigest)
            throw new InvalidDataException("The keys in the shard files differ from the keys the shards were planned over (a file was edited or mixed up).");
        return new EmbeddingSet(EmbeddingSet.KindOf(first.Shard.Kind)!.Value, keys, vectors);
    }
}
