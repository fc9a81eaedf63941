// Vtp's entries in ML.NET, on the catalog that mlContext.Vtp() returns: two overloads per component (flat parameters,
// and an options object; the flat one builds the options and calls the other). The catalog keeps the MLContext it was
// made from, so the context is given once: ML.NET's own catalogs do not give theirs back through public API, and the
// training components log to the context's Log and draw their default seed from it.
using Microsoft.ML;

namespace Vtp.MLNet;

/// <summary>SimVTP pretraining, retrieval fine-tuning, embedding and pair scoring: <c>mlContext.Vtp()</c>.</summary>
public sealed class VtpCatalog
{
    private readonly MLContext mlContext;

    internal VtpCatalog(MLContext mlContext) => this.mlContext = mlContext;

    /// <summary>Pretrains a SimVTP model from scratch on video paths and captions (all four SimVTP losses).</summary>
    /// <param name="videoColumnName">Input text column of video file paths.</param>
    /// <param name="captionColumnName">Input text column of captions.</param>
    /// <param name="preset">Model size: "base", "small", "parity" or "tiny".</param>
    /// <param name="batchSize">Clips per optimizer step.</param>
    /// <param name="epochs">Passes over the data.</param>
    /// <param name="maxSteps">Stop after this many steps (null: <paramref name="epochs"/> decide).</param>
    /// <param name="validationSet">Held-out rows scored with zero-shot retrieval metrics after each epoch (null: none).</param>
    /// <returns>The estimator; its transformer passes data through and holds the pretrained model.</returns>
    public SimVtpPretrainEstimator Pretrain(string videoColumnName = "VideoPath", string captionColumnName = "Caption", string preset = "small",
        int batchSize = 16, int epochs = 1, long? maxSteps = null, IDataView? validationSet = null) =>
        Pretrain(new SimVtpPretrainEstimator.Options
        {
            VideoColumnName = videoColumnName, CaptionColumnName = captionColumnName, Preset = preset, BatchSize = batchSize,
            Epochs = epochs, MaxSteps = maxSteps, ValidationSet = validationSet,
        });

    /// <summary>Pretrains a SimVTP model from scratch with every option.</summary>
    /// <param name="options">The options (copied).</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public SimVtpPretrainEstimator Pretrain(SimVtpPretrainEstimator.Options options) =>
        new SimVtpPretrainEstimator(mlContext, options);

    /// <summary>Fine-tunes a SimVTP dual encoder for text-to-video retrieval; the transformer appends embedding columns.</summary>
    /// <param name="videoEmbeddingColumnName">Output column of unit-length video embeddings.</param>
    /// <param name="textEmbeddingColumnName">Output column of unit-length caption embeddings.</param>
    /// <param name="videoColumnName">Input text column of video file paths.</param>
    /// <param name="captionColumnName">Input text column of captions.</param>
    /// <param name="pretrained">Starting weights (a pretraining transformer, the pretraining estimator earlier in the pipeline, or
    /// <see cref="PretrainedWeights.FromPackage"/>); null: from scratch with the "small" preset and BERT's vocabulary.</param>
    /// <param name="batchSize">Clips per optimizer step.</param>
    /// <param name="epochs">Passes over the data.</param>
    /// <param name="maxSteps">Stop after this many steps (null: <paramref name="epochs"/> decide).</param>
    /// <param name="validationSet">Held-out rows scored with retrieval metrics after each epoch (null: none).</param>
    public SimVtpFineTuneEstimator FineTune(string videoEmbeddingColumnName = "VideoEmbedding", string textEmbeddingColumnName = "TextEmbedding",
        string videoColumnName = "VideoPath", string captionColumnName = "Caption", PretrainedWeights? pretrained = null, int batchSize = 8,
        int epochs = 1, long? maxSteps = null, IDataView? validationSet = null) =>
        FineTune(new SimVtpFineTuneEstimator.Options
        {
            VideoEmbeddingColumnName = videoEmbeddingColumnName, TextEmbeddingColumnName = textEmbeddingColumnName,
            VideoColumnName = videoColumnName, CaptionColumnName = captionColumnName, Pretrained = pretrained, BatchSize = batchSize,
            Epochs = epochs, MaxSteps = maxSteps, ValidationSet = validationSet,
        });

    /// <summary>Fine-tunes a SimVTP dual encoder for retrieval with every option.</summary>
    /// <param name="options">The options (copied).</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public SimVtpFineTuneEstimator FineTune(SimVtpFineTuneEstimator.Options options) =>
        new SimVtpFineTuneEstimator(mlContext, options);

    /// <summary>Appends unit-length video embeddings computed by a trained retrieval model.</summary>
    /// <param name="model">The model (e.g. <see cref="SimVtpRetrievalModel.Load"/>ed); shared, not owned.</param>
    /// <param name="outputColumnName">Output column, Vector&lt;Single, C_e&gt;.</param>
    /// <param name="inputColumnName">Input text column of video file paths.</param>
    public SimVtpEmbeddingEstimator EmbedVideo(SimVtpRetrievalModel model, string outputColumnName = "VideoEmbedding", string inputColumnName = "VideoPath") =>
        Embed(model, new SimVtpEmbeddingEstimator.Options
        {
            VideoEmbeddingColumnName = outputColumnName, VideoColumnName = inputColumnName, TextEmbeddingColumnName = null,
        });

    /// <summary>Appends unit-length caption embeddings computed by a trained retrieval model.</summary>
    /// <param name="model">The model (e.g. <see cref="SimVtpRetrievalModel.Load"/>ed); shared, not owned.</param>
    /// <param name="outputColumnName">Output column, Vector&lt;Single, C_e&gt;.</param>
    /// <param name="inputColumnName">Input text column of captions.</param>
    public SimVtpEmbeddingEstimator EmbedText(SimVtpRetrievalModel model, string outputColumnName = "TextEmbedding", string inputColumnName = "Caption") =>
        Embed(model, new SimVtpEmbeddingEstimator.Options
        {
            TextEmbeddingColumnName = outputColumnName, CaptionColumnName = inputColumnName, VideoEmbeddingColumnName = null,
        });

    /// <summary>Appends video and/or caption embeddings computed by a trained retrieval model, with every option.</summary>
    /// <param name="model">The model; shared, not owned.</param>
    /// <param name="options">Columns and batch settings (copied).</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public SimVtpEmbeddingEstimator Embed(SimVtpRetrievalModel model, SimVtpEmbeddingEstimator.Options options) =>
        new SimVtpEmbeddingEstimator(model, options);

    /// <summary>Appends the VTM match probability of each row's (video, caption) pair, from a pretrained model.</summary>
    /// <param name="pretrained">The pretrained model; shared, not owned.</param>
    /// <param name="outputColumnName">Output Single column, in [0, 1].</param>
    /// <param name="videoColumnName">Input text column of video file paths.</param>
    /// <param name="captionColumnName">Input text column of captions.</param>
    public SimVtpPairScoringEstimator ScorePairs(SimVtpPretrainTransformer pretrained,
        string outputColumnName = "Score", string videoColumnName = "VideoPath", string captionColumnName = "Caption") =>
        ScorePairs(pretrained, new SimVtpPairScoringEstimator.Options
        {
            OutputColumnName = outputColumnName, VideoColumnName = videoColumnName, CaptionColumnName = captionColumnName,
        });

    /// <summary>Appends VTM match probabilities with every option.</summary>
    /// <param name="pretrained">The pretrained model; shared, not owned.</param>
    /// <param name="options">Columns and settings (copied).</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public SimVtpPairScoringEstimator ScorePairs(SimVtpPretrainTransformer pretrained, SimVtpPairScoringEstimator.Options options) =>
        new SimVtpPairScoringEstimator(pretrained, options);
}
