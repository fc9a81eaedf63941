// Embedding with an already trained retrieval model: video and/or caption embedding columns, nothing to fit.
using Microsoft.ML;

namespace Vtp.MLNet;

/// <summary>
/// Appends embedding columns computed by a given <see cref="SimVtpRetrievalModel"/> (loaded from a package, or the
/// <see cref="SimVtpEmbeddingTransformer.Model"/> of a fitted fine-tuning). Fitting only checks the input schema; the
/// transformer shares the model (disposing the transformer leaves the model alone).
/// </summary>
public sealed class SimVtpEmbeddingEstimator : IEstimator<SimVtpEmbeddingTransformer>
{
    /// <summary>Columns and batch settings of <see cref="SimVtpEmbeddingEstimator"/>.</summary>
    public sealed class Options
    {
        /// <summary>Output column of video embeddings (Vector&lt;Single, C_e&gt;, unit length); null: videos are not embedded. Default: "VideoEmbedding".</summary>
        public string? VideoEmbeddingColumnName = "VideoEmbedding";
        /// <summary>Input text column of video file paths. Default: "VideoPath".</summary>
        public string VideoColumnName = "VideoPath";
        /// <summary>Output column of caption embeddings (Vector&lt;Single, C_e&gt;, unit length); null: captions are not embedded. Default: "TextEmbedding".</summary>
        public string? TextEmbeddingColumnName = "TextEmbedding";
        /// <summary>Input text column of captions. Default: "Caption".</summary>
        public string CaptionColumnName = "Caption";
        /// <summary>Optional input column (Single or Double, seconds; NaN = from the beginning) of clip starts. Default: null.</summary>
        public string? StartColumnName;
        /// <summary>Optional input column (Single or Double, seconds; NaN = to the end) of clip ends. Default: null.</summary>
        public string? EndColumnName;
        /// <summary>Folder that relative video paths are resolved against. Default: null (the current directory).</summary>
        public string? VideoFolder;
        /// <summary>Rows embedded together (and read ahead) by a cursor. Default: 16.</summary>
        public int BatchSize = 16;
        /// <summary>Video decoding threads, each running one ffmpeg at a time. Default: 2.</summary>
        public int DecodeWorkers = 2;

        internal EmbeddingSettings ToSettings() => EmbeddingSettings.Create(
            new InputBinding(VideoColumnName, CaptionColumnName, StartColumnName, EndColumnName, VideoFolder), VideoEmbeddingColumnName,
            TextEmbeddingColumnName, BatchSize, DecodeWorkers);
    }

    private readonly SimVtpRetrievalModel model;
    private readonly EmbeddingSettings settings;

    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    internal SimVtpEmbeddingEstimator(SimVtpRetrievalModel model, Options options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        this.model = model;
        settings = options.ToSettings();
    }

    /// <summary>Checks the input schema and returns a transformer over the model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public SimVtpEmbeddingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transformer = new SimVtpEmbeddingTransformer(model, settings, ownsModel: false);
        transformer.GetOutputSchema(input.Schema);
        return transformer;
    }

    /// <summary>The input shape with the embedding columns (known-size Single vectors) appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => EmbeddingShape(inputSchema, settings);

    internal static SchemaShape EmbeddingShape(SchemaShape inputSchema, EmbeddingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        settings.Binding.Check(inputSchema, settings.VideoEmbeddingColumnName is not null, settings.TextEmbeddingColumnName is not null);
        var added = new[] { settings.VideoEmbeddingColumnName, settings.TextEmbeddingColumnName }.OfType<string>().Select(OutputShapes.SingleVector).ToList();
        return OutputShapes.Append(inputSchema, added);
    }
}
