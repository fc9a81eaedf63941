// Retrieval evaluation of embedding columns (ML.NET's ranking evaluator gives NDCG/DCG only): recall at k, median
// and mean rank in both directions, with the rank rule of RetrievalMetrics (ties broken optimistically).
using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.Modeling;

namespace Vtp.MLNet;

/// <summary>
/// Scores text-to-video and video-to-text retrieval by cosine similarity. Each row is one caption query. Without a
/// group column, each row is also one gallery video (row i's caption matches row i's video: the square case of
/// <see cref="RetrievalMetrics"/>). With a group column, rows with equal group values show the same video: the
/// gallery holds one video per distinct group value (the embedding of the group's first row), a caption's match is
/// its group's video, and a video query's rank is that of its best-scoring caption among the captions of other
/// groups. A rank counts the candidates scoring strictly higher than the match, so ties favour the match.
/// </summary>
public static class VtpRetrievalEvaluator
{
    /// <summary>Evaluates the embedding columns of <paramref name="data"/>.</summary>
    /// <param name="data">Rows holding both embeddings (e.g. the output of a fitted fine-tuning pipeline).</param>
    /// <param name="videoEmbeddingColumnName">Known-size Single vector column of video embeddings.</param>
    /// <param name="textEmbeddingColumnName">Known-size Single vector column of caption embeddings.</param>
    /// <param name="groupColumnName">Optional scalar column (text, number or key) naming each row's video, e.g. the video path.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    /// <exception cref="ArgumentException">No rows, vectors of different sizes, or a zero or non-finite vector.</exception>
    public static VtpRetrievalMetrics Evaluate(IDataView data, string videoEmbeddingColumnName = "VideoEmbedding",
        string textEmbeddingColumnName = "TextEmbedding", string? groupColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var video = SchemaChecks.Require(data.Schema, videoEmbeddingColumnName, ColumnRequirement.SingleVector);
        var text = SchemaChecks.Require(data.Schema, textEmbeddingColumnName, ColumnRequirement.SingleVector);
        var group = groupColumnName is null ? (DataViewSchema.Column?)null : GroupColumn(data.Schema, groupColumnName);
        var columns = new List<DataViewSchema.Column> { video, text };
        if (group is { } g) columns.Add(g);
        var (videos, texts, videoOfText) = (new List<float[]>(), new List<float[]>(), new List<int>());
        var galleryIndex = new Dictionary<object, int>();
        using var cursor = data.GetRowCursor(columns);
        var readVideo = cursor.GetGetter<VBuffer<float>>(video);
        var readText = cursor.GetGetter<VBuffer<float>>(text);
        var readGroup = group is { } column ? GroupReader(cursor, column) : null;
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            readText(ref buffer);
            texts.Add(buffer.DenseValues().ToArray());
            var key = readGroup?.Invoke() ?? cursor.Position;
            if (!galleryIndex.TryGetValue(key, out var index))
            {
                readVideo(ref buffer);
                (index, galleryIndex[key]) = (videos.Count, videos.Count);
                videos.Add(buffer.DenseValues().ToArray());
            }
            videoOfText.Add(index);
        }
        return Evaluate(texts, videos, videoOfText);
    }

    /// <summary>Evaluates caption embeddings against video embeddings by cosine similarity.</summary>
    /// <param name="textEmbeddings">One vector per caption query.</param>
    /// <param name="videoEmbeddings">One vector per distinct video.</param>
    /// <param name="videoOfText">The video each caption matches; null: caption i matches video i (equal counts).
    /// Every video must be matched by at least one caption.</param>
    /// <exception cref="ArgumentException">Empty, of mismatched counts or sizes, an unmatched video, or a zero or non-finite vector.</exception>
    public static VtpRetrievalMetrics Evaluate(IReadOnlyList<float[]> textEmbeddings, IReadOnlyList<float[]> videoEmbeddings,
        IReadOnlyList<int>? videoOfText = null)
    {
        var (t, v) = (textEmbeddings.Count, videoEmbeddings.Count);
        if (t == 0 || v == 0) throw new ArgumentException($"Retrieval needs at least one caption and one video, got {t} and {v}.");
        var match = videoOfText ?? (t == v ? Enumerable.Range(0, t).ToArray()
            : throw new ArgumentException($"Without videoOfText caption i matches video i, so the counts must be equal; got {t} captions and {v} videos.", nameof(videoOfText)));
        if (match.Count != t) throw new ArgumentException($"videoOfText has {match.Count} entries for {t} captions.", nameof(videoOfText));
        for (int i = 0; i < t; i++)
            if (match[i] < 0 || match[i] >= v) throw new ArgumentException($"videoOfText[{i}] is {match[i]}, not a video index in [0, {v}).", nameof(videoOfText));
        var unmatched = Enumerable.Range(0, v).Except(match).Take(5).ToList();
        if (unmatched.Count > 0)
            throw new ArgumentException($"Videos {string.Join(", ", unmatched)} are matched by no caption, so they have no video-to-text rank.", nameof(videoOfText));
        var dimension = textEmbeddings[0].Length;
        var texts = UnitRows(textEmbeddings, dimension, "text");
        var videos = UnitRows(videoEmbeddings, dimension, "video");
        var similarity = new float[t * v];                                                       // [texts, videos]
        for (int i = 0; i < t; i++)
            for (int j = 0; j < v; j++)
                similarity[i * v + j] = TensorPrimitives.Dot(texts.AsSpan(i * dimension, dimension), videos.AsSpan(j * dimension, dimension));
        return new VtpRetrievalMetrics(
            RetrievalMetrics.Scores(TextToVideoRanks(similarity, t, v, match)), RetrievalMetrics.Scores(VideoToTextRanks(similarity, t, v, match)), t, v);
    }

    private static int[] TextToVideoRanks(float[] similarity, int t, int v, IReadOnlyList<int> match)
    {
        var ranks = new int[t];
        for (int i = 0; i < t; i++)
        {
            var row = similarity.AsSpan(i * v, v);
            var score = row[match[i]];
            foreach (var other in row)
                if (other > score) ranks[i]++;
        }
        return ranks;
    }

    private static int[] VideoToTextRanks(float[] similarity, int t, int v, IReadOnlyList<int> match)
    {
        var best = new float[v];
        Array.Fill(best, float.NegativeInfinity);
        for (int i = 0; i < t; i++) best[match[i]] = Math.Max(best[match[i]], similarity[i * v + match[i]]);
        var ranks = new int[v];
        for (int i = 0; i < t; i++)
            for (int j = 0; j < v; j++)
                if (match[i] != j && similarity[i * v + j] > best[j]) ranks[j]++;
        return ranks;
    }

    // Rows scaled to unit length, concatenated: [rows, dimension].
    private static float[] UnitRows(IReadOnlyList<float[]> rows, int dimension, string kind)
    {
        var result = new float[rows.Count * dimension];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Length != dimension)
                throw new ArgumentException($"The {kind} embedding of row {i} has {row.Length} values; the first caption embedding has {dimension}.");
            var norm = TensorPrimitives.Norm(row);
            if (!(norm > 0) || !float.IsFinite(norm))
                throw new ArgumentException($"The {kind} embedding of row {i} has norm {norm}; cosine similarity needs a finite, non-zero vector.");
            TensorPrimitives.Divide(row, norm, result.AsSpan(i * dimension, dimension));
        }
        return result;
    }

    private static DataViewSchema.Column GroupColumn(DataViewSchema schema, string name)
    {
        if (schema.GetColumnOrNull(name) is not { } column)
            throw new ArgumentOutOfRangeException("inputSchema", $"Could not find input column '{name}' (expected a scalar group value); the input has: " +
                string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name)));
        if (column.Type is not (TextDataViewType or NumberDataViewType or KeyDataViewType or BooleanDataViewType))
            throw new ArgumentOutOfRangeException("inputSchema", $"Schema mismatch for input column '{name}': expected a scalar text, number or key, got {column.Type}");
        return column;
    }

    // The group value of the current row, boxed so that equal values compare equal (text as a string).
    private static Func<object> GroupReader(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType)
        {
            var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            return () => { text(ref value); return value.ToString(); };
        }
        var read = typeof(VtpRetrievalEvaluator).GetMethod(nameof(ScalarReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(column.Type.RawType);
        return (Func<object>)read.Invoke(null, [cursor, column])!;
    }

    private static Func<object> ScalarReader<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () => { getter(ref value); return value!; };
    }
}
