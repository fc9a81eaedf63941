using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.Data;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Samples.Data;

namespace Vtp.Samples.Embeddings;

/// <summary>Embeds the videos or captions of samples through Vtp.MLNet's embedding transform, row by row under a progress bar.</summary>
internal static class DatasetEmbedder
{
    private const string Column = "Embedding";

    /// <summary>
    /// One embedding per sample: of its video (clip start/end respected) or of its caption, with the batch settings of
    /// <paramref name="batching"/>.
    /// </summary>
    public static float[][] Embed(CommandIO io, MLContext context, SimVtpRetrievalModel model, IReadOnlyList<VideoTextSample> samples,
        EmbeddingKind kind, SimVtpEmbeddingEstimator.Options batching, string title)
    {
        var options = new SimVtpEmbeddingEstimator.Options
        {
            VideoEmbeddingColumnName = kind == EmbeddingKind.Video ? Column : null, TextEmbeddingColumnName = kind == EmbeddingKind.Caption ? Column : null,
            StartColumnName = Annotations.StartColumn, EndColumnName = Annotations.EndColumn, BatchSize = batching.BatchSize,
            DecodeWorkers = batching.DecodeWorkers,
        };
        var input = Annotations.ToDataView(context, samples);
        using var transformer = context.Vtp().Embed(model, options).Fit(input);
        var output = transformer.Transform(input);
        return PhaseProgress.Run(io, title, samples.Count, bar => Read(output, samples.Count, bar, io.CancellationToken));
    }

    // Reads the embedding column; the cursor computes it a batch at a time, so the bar moves in batch-sized jumps.
    private static float[][] Read(IDataView output, int count, PhaseBar bar, CancellationToken cancellationToken)
    {
        var column = output.Schema[Column];
        var vectors = new float[count][];
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        for (int row = 0; cursor.MoveNext(); row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            getter(ref buffer);
            vectors[row] = buffer.DenseValues().ToArray();
            bar.Report(row + 1, count);
        }
        return vectors;
    }
}
