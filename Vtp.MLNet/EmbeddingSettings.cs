// The column bindings and batch settings of an embedding transformer, saved in its package's manifest.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vtp.MLNet;

/// <summary>What an embedding transformer reads and writes; an output column name of null means "not produced".</summary>
internal sealed record EmbeddingSettings
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string? VideoEmbeddingColumnName { get; init; } = "VideoEmbedding";
    public string? TextEmbeddingColumnName { get; init; } = "TextEmbedding";
    public string VideoColumnName { get; init; } = "VideoPath";
    public string CaptionColumnName { get; init; } = "Caption";
    public string? StartColumnName { get; init; }
    public string? EndColumnName { get; init; }
    public string? VideoFolder { get; init; }
    public int BatchSize { get; init; } = 16;
    public int DecodeWorkers { get; init; } = 2;

    /// <summary>Settings reading <paramref name="inputs"/> (video and caption columns set) and writing the named outputs; validated.</summary>
    public static EmbeddingSettings Create(InputBinding inputs, string? videoEmbeddingColumnName, string? textEmbeddingColumnName, int batchSize,
        int decodeWorkers) => new EmbeddingSettings
    {
        VideoEmbeddingColumnName = videoEmbeddingColumnName, TextEmbeddingColumnName = textEmbeddingColumnName,
        VideoColumnName = inputs.Video ?? "", CaptionColumnName = inputs.Caption ?? "", StartColumnName = inputs.Start, EndColumnName = inputs.End,
        VideoFolder = inputs.VideoFolder, BatchSize = batchSize, DecodeWorkers = decodeWorkers,
    }.Validate();

    public InputBinding Binding => new(VideoColumnName, CaptionColumnName, StartColumnName, EndColumnName, VideoFolder);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public EmbeddingSettings Validate()
    {
        if (VideoEmbeddingColumnName is null && TextEmbeddingColumnName is null)
            throw new ArgumentException("Neither a video nor a text embedding column is named: nothing would be produced.", nameof(VideoEmbeddingColumnName));
        foreach (var (output, name) in new[] { (VideoEmbeddingColumnName, nameof(VideoEmbeddingColumnName)), (TextEmbeddingColumnName, nameof(TextEmbeddingColumnName)) })
            if (output is not null && string.IsNullOrWhiteSpace(output))
                throw new ArgumentException($"{name} must name the output column (or be null for none), got '{output}'.", name);
        if (VideoEmbeddingColumnName is not null && VideoEmbeddingColumnName == TextEmbeddingColumnName)
            throw new ArgumentException($"The video and text embedding columns must differ, both are '{VideoEmbeddingColumnName}'.", nameof(TextEmbeddingColumnName));
        if (VideoEmbeddingColumnName is not null && string.IsNullOrWhiteSpace(VideoColumnName))
            throw new ArgumentException($"{nameof(VideoColumnName)} must name the input column of video paths, got '{VideoColumnName}'.", nameof(VideoColumnName));
        if (TextEmbeddingColumnName is not null && string.IsNullOrWhiteSpace(CaptionColumnName))
            throw new ArgumentException($"{nameof(CaptionColumnName)} must name the input column of captions, got '{CaptionColumnName}'.", nameof(CaptionColumnName));
        if (BatchSize < 1 || DecodeWorkers < 1)
            throw new ArgumentException($"{nameof(BatchSize)} and {nameof(DecodeWorkers)} must be at least 1, got {BatchSize} and {DecodeWorkers}.");
        return this;
    }

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Json)!.AsObject();

    public static EmbeddingSettings FromJson(JsonObject json, string source)
    {
        try
        {
            return (json.Deserialize<EmbeddingSettings>(Json) ?? throw new InvalidDataException($"{source}: settings are null.")).Validate();
        }
        catch (Exception error) when (error is JsonException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: invalid embedding settings: {error.Message}", error);
        }
    }
}
