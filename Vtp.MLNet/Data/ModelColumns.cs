// The computed columns of Vtp's transformers: video and caption embeddings, and VTM pair scores.
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>Unit-length video embeddings, Vector&lt;Single, C_e&gt;.</summary>
internal sealed class VideoEmbeddingColumn(string name, SimVtpRetrievalModel model, EmbeddingSettings settings)
    : ComputedColumn(name, new VectorDataViewType(NumberDataViewType.Single, model.Dimension), readsVideo: true, readsCaption: false)
{
    public override float[][] Compute(IReadOnlyList<InputValues> rows, CancellationToken cancellationToken) =>
        model.EmbedVideos(rows.Select(r => r.ToSample()).ToList(), settings.BatchSize, settings.DecodeWorkers, cancellationToken);
}

/// <summary>Unit-length caption embeddings, Vector&lt;Single, C_e&gt;.</summary>
internal sealed class TextEmbeddingColumn(string name, SimVtpRetrievalModel model, EmbeddingSettings settings)
    : ComputedColumn(name, new VectorDataViewType(NumberDataViewType.Single, model.Dimension), readsVideo: false, readsCaption: true)
{
    public override float[][] Compute(IReadOnlyList<InputValues> rows, CancellationToken cancellationToken) =>
        model.EmbedTexts(rows.Select(r => r.Caption ?? "").ToList(), settings.BatchSize, cancellationToken);
}

/// <summary>The VTM match probability of each row's (video, caption) pair, Single.</summary>
internal sealed class VtmScoreColumn(string name, SimVtpPretrainTransformer pretrained, SimVtpPairScoringEstimator.Options options)
    : ComputedColumn(name, NumberDataViewType.Single, readsVideo: true, readsCaption: true)
{
    public override float[][] Compute(IReadOnlyList<InputValues> rows, CancellationToken cancellationToken) =>
        pretrained.ScorePairs(rows.Select(r => r.ToSample()).ToList(), options.VideoInput, options.MaskSeed, options.BatchSize,
            options.DecodeWorkers, cancellationToken).Select(score => new[] { score }).ToArray();
}
