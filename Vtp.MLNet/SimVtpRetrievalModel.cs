// A fine-tuned SimVTP dual encoder with its tokenizer: the model behind the embedding transformers, with an array API.
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Text;

namespace Vtp.MLNet;

/// <summary>
/// Embeds videos and captions into L2-normalised vectors of <see cref="Dimension"/> floats (a dot product is the
/// cosine similarity SimVTP retrieves by). A video is one centred clip: T frames spread uniformly over the video (or
/// its [start, end] part), centre-cropped. Embedding calls are serialised on the model, so one model can serve several
/// cursors and threads; decoding inside a call runs on worker threads.
/// </summary>
public sealed class SimVtpRetrievalModel : IDisposable
{
    private readonly object gate = new();

    /// <summary>Wraps a dual encoder trained elsewhere (it is then owned by this model) and the tokenizer it was trained with.</summary>
    /// <exception cref="ArgumentException">The tokenizer's vocabulary does not fit the encoder's vocab_size, or its [PAD] is not id 0.</exception>
    public SimVtpRetrievalModel(DualEncoder encoder, BertTokenizer tokenizer)
    {
        Vtp.Training.SimVtpPretraining.CheckVocabulary(tokenizer, encoder.Config);
        Encoder = encoder;
        Tokenizer = tokenizer;
        encoder.eval();
    }

    /// <summary>The dual encoder, in eval mode.</summary>
    public DualEncoder Encoder { get; }

    /// <summary>The tokenizer (its vocabulary is saved with the model).</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>The model's config.</summary>
    public SimVtpConfig Config => Encoder.Config;

    /// <summary>Length of every embedding (encoder_embed_dim).</summary>
    public int Dimension => Config.EncoderEmbedDim;

    /// <summary>Embeds whole videos, in order.</summary>
    /// <exception cref="Vtp.Video.VideoDecodeException">A video is unreadable; the message names it.</exception>
    public float[][] EmbedVideos(IReadOnlyList<string> videoPaths, int batchSize = 16, int decodeWorkers = 2, CancellationToken cancellationToken = default) =>
        EmbedVideos(videoPaths.Select(p => new VideoTextSample(Path.GetFullPath(p), "")).ToList(), batchSize, decodeWorkers, cancellationToken);

    /// <summary>Embeds each sample's video (its Start/End part when set), in order; captions are ignored.</summary>
    /// <exception cref="Vtp.Video.VideoDecodeException">A video is unreadable; the message names it.</exception>
    public float[][] EmbedVideos(IReadOnlyList<VideoTextSample> clips, int batchSize = 16, int decodeWorkers = 2, CancellationToken cancellationToken = default)
    {
        if (clips.Count == 0) return [];
        lock (gate) return Embedder(batchSize, decodeWorkers).EmbedVideos(clips, cancellationToken: cancellationToken);
    }

    /// <summary>Embeds captions, in order, <paramref name="batchSize"/> at a time.</summary>
    public float[][] EmbedTexts(IReadOnlyList<string> captions, int batchSize = 16, CancellationToken cancellationToken = default)
    {
        if (captions.Count == 0) return [];
        lock (gate) return Embedder(batchSize, 1).EmbedTexts(captions, cancellationToken);
    }

    /// <summary>Writes a model package (kind "dual-encoder") to <paramref name="path"/>, atomically.</summary>
    public void Save(string path) => Save(path, null);

    /// <summary>Loads a package written by <see cref="Save"/> or by <see cref="SimVtpEmbeddingTransformer.Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The package is corrupt, tampered with, of another format version or of another kind.</exception>
    public static SimVtpRetrievalModel Load(MLContext mlContext, string path) => Load(mlContext, path, out _);

    internal void Save(string path, JsonObject? settings) =>
        ModelPackage.Write(path, PackageKind.DualEncoder, Config, Encoder, Tokenizer.Vocabulary, settings);

    internal static SimVtpRetrievalModel Load(MLContext mlContext, string path, out PackageManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        using var contents = ModelPackage.Read(path, PackageKind.DualEncoder);
        var encoder = new DualEncoder(contents.Config);
        try
        {
            SimVtpCheckpoint.LoadExact(encoder, contents.Weights, $"'{Path.GetFullPath(path)}' entry '{ModelPackage.WeightsEntry}'");
            manifest = contents.Manifest;
            using (var channel = ((IHostEnvironment)mlContext).Start(nameof(SimVtpRetrievalModel)))
                channel.Info(MessageSensitivity.None, $"Loaded SimVTP retrieval model from '{path}' (written by Vtp {manifest.LibraryVersion}).");
            return new SimVtpRetrievalModel(encoder, new BertTokenizer(contents.Vocabulary));
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    // A disposed TorchSharp module lists no parameters rather than failing, so use after Dispose is caught here.
    private SimVtpEmbedder Embedder(int batchSize, int decodeWorkers) =>
        new(disposed ? throw new ObjectDisposedException(nameof(SimVtpRetrievalModel), "The model was disposed (or the PredictionEngine or transformer that owned it).") : Encoder, Tokenizer, batchSize: CheckPositive(batchSize, nameof(batchSize)), decodeWorkers: CheckPositive(decodeWorkers, nameof(decodeWorkers)));

    private static int CheckPositive(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");

    private bool disposed;

    /// <summary>Releases the model's native memory.</summary>
    public void Dispose()
    {
        disposed = true;
        Encoder.Dispose();
    }
}
