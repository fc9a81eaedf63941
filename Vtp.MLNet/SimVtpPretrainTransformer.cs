// The result of SimVTP pretraining in an ML.NET pipeline: the pretrained model, passing its data through unchanged.
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Training;

namespace Vtp.MLNet;

/// <summary>
/// Holds a pretrained <see cref="SimVtpPretrainModel"/> (in eval mode) and its tokenizer. <see cref="Transform"/>
/// returns its input unchanged, so a fine-tuning estimator appended after it trains on the same rows; scoring pairs
/// is its own component (<c>mlContext.Vtp().ScorePairs</c>) or <see cref="ScorePairs"/>. Persist it with
/// <see cref="Save"/> and <see cref="Load"/> (ML.NET model files cannot hold third-party transformers).
/// </summary>
public sealed class SimVtpPretrainTransformer : ITransformer, IDisposable
{
    private readonly object gate = new();
    private readonly VtmScorer scorer;

    internal SimVtpPretrainTransformer(SimVtpPretrainModel model, BertTokenizer tokenizer, TrainingRun? training,
        IReadOnlyList<SimVtpValidationResult> validation)
    {
        Model = model;
        Tokenizer = tokenizer;
        Training = training;
        Validation = validation;
        model.eval();
        scorer = new VtmScorer(model, tokenizer, gate);
    }

    /// <summary>The pretrained model, in eval mode.</summary>
    public SimVtpPretrainModel Model { get; }

    /// <summary>The tokenizer (its vocabulary is saved with the model).</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>The model's config.</summary>
    public SimVtpConfig Config => Model.Config;

    /// <summary>How the pretraining run ended (null for a loaded model).</summary>
    public TrainingRun? Training { get; }

    /// <summary>Zero-shot retrieval metrics on the validation set during pretraining (empty without one or for a loaded model).</summary>
    public IReadOnlyList<SimVtpValidationResult> Validation { get; }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => true;

    /// <summary>The input schema, unchanged.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;

    /// <summary>Returns <paramref name="input"/> itself.</summary>
    public IDataView Transform(IDataView input) => input;

    /// <summary>An identity mapper.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        new ComputedColumnsMapper(inputSchema, new InputBinding(null, null, null, null, null), [], batchSize: 1);

    /// <summary>
    /// The VTM match probability of each (video, caption) pair (see <see cref="SimVtpPairScoringEstimator"/>); videos
    /// are decoded <paramref name="decodeWorkers"/> at a time and scored <paramref name="batchSize"/> at a time.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public float[] ScorePairs(IReadOnlyList<string> videoPaths, IReadOnlyList<string> captions, VtmVideoInput videoInput = VtmVideoInput.TubeMasked,
        int maskSeed = 0, int batchSize = 8, int decodeWorkers = 2, CancellationToken cancellationToken = default)
    {
        if (videoPaths.Count != captions.Count)
            throw new ArgumentException($"Got {videoPaths.Count} videos but {captions.Count} captions; expected one caption per video.", nameof(captions));
        var pairs = videoPaths.Select((path, i) => new VideoTextSample(Path.GetFullPath(path), captions[i])).ToList();
        return ScorePairs(pairs, videoInput, maskSeed, batchSize, decodeWorkers, cancellationToken);
    }

    internal float[] ScorePairs(IReadOnlyList<VideoTextSample> pairs, VtmVideoInput videoInput, int maskSeed, int batchSize, int decodeWorkers,
        CancellationToken cancellationToken) =>
        pairs.Count == 0 ? [] : scorer.Score(pairs, videoInput, maskSeed, batchSize, decodeWorkers, cancellationToken);

    /// <summary>Writes a model package (kind "pretrain") to <paramref name="path"/>, atomically.</summary>
    public void Save(string path) => ModelPackage.Write(path, PackageKind.Pretrain, Config, Model, Tokenizer.Vocabulary);

    /// <summary>Loads a package written by <see cref="Save"/>, checking its manifest, kind and every entry's hash.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The package is corrupt, tampered with, of another format version or of another kind.</exception>
    public static SimVtpPretrainTransformer Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        using var contents = ModelPackage.Read(path, PackageKind.Pretrain);
        var model = new SimVtpPretrainModel(contents.Config);
        try
        {
            SimVtpCheckpoint.LoadExact(model, contents.Weights, $"'{Path.GetFullPath(path)}' entry '{ModelPackage.WeightsEntry}'");
        }
        catch
        {
            model.Dispose();
            throw;
        }
        using (var channel = ((IHostEnvironment)mlContext).Start(nameof(SimVtpPretrainTransformer)))
            channel.Info(MessageSensitivity.None, $"Loaded pretrained SimVTP model from '{path}' (written by Vtp {contents.Manifest.LibraryVersion}).");
        return new SimVtpPretrainTransformer(model, new BertTokenizer(contents.Vocabulary), null, []);
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "ML.NET model files cannot hold third-party transformers. Save this one with transformer.Save(path) and load it with " +
        "SimVtpPretrainTransformer.Load(mlContext, path).");

    /// <summary>Releases the model's native memory.</summary>
    public void Dispose() => Model.Dispose();
}
