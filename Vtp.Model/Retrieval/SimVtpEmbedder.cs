// Batched, no-grad embedding of videos and captions with a fine-tuned dual encoder (SIMVTP.md §4.1, §4.3).
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Retrieval;

/// <summary>
/// Turns videos and captions into L2-normalised vectors of <see cref="Dimension"/> floats, so that a dot product is
/// the cosine similarity SimVTP retrieves by. A video's vector is the mean of its views' pooled features, normalised.
/// Decoding runs on worker threads while the model embeds the previous batch.
/// </summary>
public sealed class SimVtpEmbedder(DualEncoder model, BertTokenizer tokenizer, ClipSamplingOptions? sampling = null, int batchSize = 16, int decodeWorkers = 2)
{
    private readonly ClipSamplingOptions sampling = sampling ?? Sampling(model.Config);

    /// <summary>One centred view: T frames spread uniformly over the clip, centre crop (deterministic).</summary>
    public static ClipSamplingOptions Sampling(SimVtpConfig config) => new()
    {
        Temporal = TemporalSampling.Uniform, NumFrames = config.NumFrames, Spatial = SpatialSampling.CenterCrop, Size = config.ImageSize,
    };

    /// <summary>The official test views: S temporal windows at stride 4 times C spatial crops (3 x 3 per epoch, 15 x 3 final).</summary>
    public static ClipSamplingOptions TestViews(SimVtpConfig config, int temporalViews, int spatialViews) => new()
    {
        Temporal = TemporalSampling.TestViews, NumFrames = config.NumFrames, TemporalViews = temporalViews,
        Spatial = SpatialSampling.SpatialViews, SpatialViews = spatialViews, Size = config.ImageSize,
    };

    /// <summary>Length of every embedding (C_e).</summary>
    public int Dimension => model.Config.EncoderEmbedDim;

    public DualEncoder Model => model;

    /// <summary>The device of the model's weights, where inputs are sent.</summary>
    private Device Device => model.parameters().First().device;
    public BertTokenizer Tokenizer => tokenizer;

    /// <summary>Embeds each sample's video (its Start/End window when set), in order.</summary>
    /// <exception cref="VideoDecodeException">A video is unreadable; the message names it.</exception>
    public float[][] EmbedVideos(IReadOnlyList<VideoTextSample> videos, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = new float[videos.Count][];
        var loader = new VideoLoader(videos, new VideoLoaderOptions { Workers = decodeWorkers, Capacity = Math.Max(batchSize, decodeWorkers), Sampling = sampling });
        var batch = new List<LoadedClip>(batchSize);
        foreach (var clip in loader.ReadEpoch(0, cancellationToken))
        {
            batch.Add(clip);
            if (batch.Count == batchSize || clip.Position == videos.Count - 1)
            {
                Store(result, batch.Select(c => c.SampleIndex).ToList(), VideoBatch(batch.Select(c => c.Clip).ToList()));
                batch.Clear();
                progress?.Report(clip.Position + 1);
            }
        }
        return result;
    }

    /// <summary>Embeds captions, in order, in batches.</summary>
    public float[][] EmbedTexts(IReadOnlyList<string> captions, CancellationToken cancellationToken = default)
    {
        var result = new float[captions.Count][];
        for (int start = 0; start < captions.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, captions.Count - start);
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            using var tokens = CaptionBatch.Encode(tokenizer, captions.Skip(start).Take(count).ToList(), model.Config.MaxPositionEmbeddings);
            Store(result, Enumerable.Range(start, count).ToList(), model.EmbedText(tokens.InputIds.to(Device), tokens.AttentionMask.to(Device)));
        }
        return result;
    }

    private Tensor VideoBatch(IReadOnlyList<VideoClip> clips)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var views = Enumerable.Range(0, clips[0].Views).Select(v => model.VideoFeatures(ClipBatch.Stack(clips, v).to(Device))).ToList();  // V x [B, C_e]
        var mean = stack(views).mean([0]);                                                                                   // [B, C_e]
        return nn.functional.normalize(mean, dim: 1).MoveToOuterDisposeScope();
    }

    private static void Store(float[][] result, IReadOnlyList<int> rows, Tensor embeddings)
    {
        using (embeddings)
        using (var onCpu = embeddings.cpu())
        {
            var values = onCpu.data<float>().ToArray();
            var width = values.Length / rows.Count;
            for (int i = 0; i < rows.Count; i++) result[rows[i]] = values.AsSpan(i * width, width).ToArray();
        }
    }
}
