// Embedding throughput of the dual encoder: videos/s and captions/s with decoding excluded, Vtp against PyTorch
// (reference/bench_embed.py) on the same shapes, and Vtp's videos/s with decoding included.
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Text;
using static TorchSharp.torch;

namespace Vtp.Benchmarks;

/// <summary>
/// No-grad embedding at a config preset: a batch of synthetic videos and captions through each tower (decoding
/// excluded, both sides), then <see cref="SimVtpEmbedder"/> over generated 10 s 640x360 clips (decoding included).
/// </summary>
/// <remarks>Arguments: <c>[--config tiny] [--batch 16] [--text-length 16] [--steps 10] [--threads 1] [--clips 8 (0: skip decoding)]</c>.</remarks>
public static class EmbeddingBenchmark
{
    public static int Run(string[] args)
    {
        var preset = Arguments.String(args, "--config", "tiny");
        var batch = Arguments.Int(args, "--batch", 16);
        var textLength = Arguments.Int(args, "--text-length", 16);
        var steps = Arguments.Int(args, "--steps", 10);
        var threads = Arguments.Int(args, "--threads", 1);
        var clips = Arguments.Int(args, "--clips", 8);
        set_num_threads(threads);
        var config = SimVtpConfig.Preset(preset);
        var configPath = Path.Combine(Path.GetTempPath(), $"vtp-bench-{preset}.json");
        File.WriteAllText(configPath, config.ToJson());
        manual_seed(0);
        using var model = new DualEncoder(config);
        model.eval();
        var synthetic = SyntheticBatch.Create(config, batch, textLength, new Random(0));
        StepTimes video, text;
        using (no_grad())
        {
            video = StepTimer.Measure(2, steps, () => { using var scope = NewDisposeScope(); model.EmbedVideo(synthetic.Inputs.Video); });
            text = StepTimer.Measure(2, steps, () => { using var scope = NewDisposeScope(); model.EmbedText(synthetic.InputIdsUnmasked, synthetic.Inputs.AttentionMask); });
        }
        var peer = StepTimer.RunPeer("bench_embed.py", threads, "--config", configPath, "--batch", $"{batch}", "--text-length", $"{textLength}", "--steps", $"{steps}");
        Console.WriteLine($"embedding, config {preset}, batch {batch}, text length {textLength}, libtorch threads {threads}, decoding excluded");
        Console.WriteLine("videos:");
        Report.Ratio(video, new StepTimes(peer.GetProperty("video_best_ms").GetDouble(), peer.GetProperty("video_median_ms").GetDouble()));
        Console.WriteLine($"  videos/s (best batch): Vtp {batch * 1000 / video.BestMs:F1}, PyTorch {batch * 1000 / peer.GetProperty("video_best_ms").GetDouble():F1}");
        Console.WriteLine("captions:");
        Report.Ratio(text, new StepTimes(peer.GetProperty("text_best_ms").GetDouble(), peer.GetProperty("text_median_ms").GetDouble()));
        Console.WriteLine($"  captions/s (best batch): Vtp {batch * 1000 / text.BestMs:F1}, PyTorch {batch * 1000 / peer.GetProperty("text_best_ms").GetDouble():F1}");

        if (clips == 0) return 0;
        var folder = Path.Combine(Path.GetTempPath(), "vtp-bench-video");
        Directory.CreateDirectory(folder);
        var samples = Enumerable.Range(0, clips).Select(i => new VideoTextSample(VideoLoaderBenchmark.Generate(folder, $"clip{i}.mp4", 10, null, i), "")).ToList();
        var embedder = new SimVtpEmbedder(model, BertTokenizer.BertBaseUncased, batchSize: batch);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        embedder.EmbedVideos(samples);
        Console.WriteLine($"decoding included ({clips} clips of 10 s 640x360 H.264, 2 decode workers): Vtp {clips / clock.Elapsed.TotalSeconds:F2} videos/s");
        return 0;
    }
}
