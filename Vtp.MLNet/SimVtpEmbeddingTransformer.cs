// Adds video and/or caption embedding columns to a data view, lazily and in batches; the output of fine-tuning.
using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.Training;

namespace Vtp.MLNet;

/// <summary>
/// Appends <see cref="VideoEmbeddingColumnName"/> (from the video path column) and/or <see cref="TextEmbeddingColumnName"/>
/// (from the caption column), each a Vector&lt;Single, <see cref="Dimension"/>&gt; of unit length. The output view is
/// lazy: a cursor computes only the embedding columns it asks for, <c>BatchSize</c> rows at a time, decoding the next
/// batch while the current one is read; several cursors can run at once, each with its own state. Persist it with
/// <see cref="Save"/> and <see cref="Load"/> (ML.NET model files cannot hold third-party transformers).
/// </summary>
public sealed class SimVtpEmbeddingTransformer : ITransformer, IDisposable
{
    private readonly EmbeddingSettings settings;
    private readonly bool ownsModel;

    internal SimVtpEmbeddingTransformer(SimVtpRetrievalModel model, EmbeddingSettings settings, bool ownsModel, TrainingRun? training = null,
        IReadOnlyList<SimVtpValidationResult>? validation = null)
    {
        Model = model;
        this.settings = settings.Validate();
        this.ownsModel = ownsModel;
        Training = training;
        Validation = validation ?? [];
    }

    /// <summary>The retrieval model (shared with the transformers made from it by <c>mlContext.Vtp().EmbedVideo</c>/<c>EmbedText</c>).</summary>
    public SimVtpRetrievalModel Model { get; }

    /// <summary>The video embedding output column, or null when videos are not embedded.</summary>
    public string? VideoEmbeddingColumnName => settings.VideoEmbeddingColumnName;

    /// <summary>The caption embedding output column, or null when captions are not embedded.</summary>
    public string? TextEmbeddingColumnName => settings.TextEmbeddingColumnName;

    /// <summary>Length of every embedding.</summary>
    public int Dimension => Model.Dimension;

    /// <summary>How the fine-tuning run ended (null when not made by fine-tuning).</summary>
    public TrainingRun? Training { get; }

    /// <summary>Retrieval metrics on the validation set during fine-tuning (empty without one).</summary>
    public IReadOnlyList<SimVtpValidationResult> Validation { get; }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => true;

    /// <summary>The input schema with the embedding columns appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Mapper(inputSchema).OutputSchema;

    /// <summary>A lazy view of <paramref name="input"/> with the embedding columns appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public IDataView Transform(IDataView input) => new ComputedColumnsView(input, Mapper(input.Schema));

    /// <summary>A mapper that embeds single rows (prediction engines).</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Mapper(inputSchema);

    /// <summary>Embeds whole videos, in order, with this transformer's batch settings.</summary>
    public float[][] EmbedVideos(IReadOnlyList<string> videoPaths, CancellationToken cancellationToken = default) =>
        Model.EmbedVideos(videoPaths.Select(settings.Binding.Resolve).ToList(), settings.BatchSize, settings.DecodeWorkers, cancellationToken);

    /// <summary>Embeds captions, in order, with this transformer's batch size.</summary>
    public float[][] EmbedTexts(IReadOnlyList<string> captions, CancellationToken cancellationToken = default) =>
        Model.EmbedTexts(captions, settings.BatchSize, cancellationToken);

    /// <summary>Writes a model package (kind "dual-encoder", with this transformer's columns and batch settings), atomically.</summary>
    public void Save(string path) => Model.Save(path, settings.ToJson());

    /// <summary>
    /// Loads a package written by <see cref="Save"/> (or by <see cref="SimVtpRetrievalModel.Save"/>, giving the default
    /// columns), checking its manifest, kind and every entry's hash.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The package is corrupt, tampered with, of another format version or of another kind.</exception>
    public static SimVtpEmbeddingTransformer Load(MLContext mlContext, string path)
    {
        var model = SimVtpRetrievalModel.Load(mlContext, path, out var manifest);
        try
        {
            var settings = manifest.Settings is { } json
                ? EmbeddingSettings.FromJson(json, $"'{Path.GetFullPath(path)}' entry '{ModelPackage.ManifestEntry}'")
                : new EmbeddingSettings();
            return new SimVtpEmbeddingTransformer(model, settings, ownsModel: true);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "ML.NET model files cannot hold third-party transformers. Save this one with transformer.Save(path) and load it with " +
        "SimVtpEmbeddingTransformer.Load(mlContext, path).");

    /// <summary>Releases the model when this transformer owns it (fine-tuned or loaded), not when it was given one.</summary>
    public void Dispose()
    {
        if (ownsModel) Model.Dispose();
    }

    private ComputedColumnsMapper Mapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = new List<ComputedColumn>();
        if (settings.VideoEmbeddingColumnName is { } video) columns.Add(new VideoEmbeddingColumn(video, Model, settings));
        if (settings.TextEmbeddingColumnName is { } text) columns.Add(new TextEmbeddingColumn(text, Model, settings));
        return new ComputedColumnsMapper(inputSchema, settings.Binding, columns, settings.BatchSize);
    }
}
