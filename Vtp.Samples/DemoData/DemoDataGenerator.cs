using System.Diagnostics;
using Vtp.Data;
using Vtp.Video;

namespace Vtp.Samples.DemoData;

/// <summary>
/// Generates the demo world: short H.264 clips of coloured shapes moving on a dark background, captioned by a small
/// grammar, split into train and test so that test clips show held-out colour-shape-direction combinations.
/// Captions are distinct, and every colour occurs with every motion, so retrieval needs both cues. Deterministic for
/// a seed; batches of clips are rendered and encoded in parallel (one ffmpeg per batch).
/// </summary>
public static class DemoDataGenerator
{
    /// <summary>Writes <c>train.csv</c>, <c>test.csv</c> and <c>videos/*.mp4</c> into the output folder.</summary>
    public static DemoDataSummary Generate(
        DemoDataOptions options, IProgress<DemoDataProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var folder = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(Path.Combine(folder, "videos"));

        var random = new Random(options.Seed);
        var heldOut = DemoSplit.ChooseHeldOut(options.HeldOutTriples, random);
        var planner = new DemoClipPlanner(options, heldOut, random);
        var train = planner.Plan("train", options.TrainClips, test: false, folder);
        var test = planner.Plan("test", options.TestClips, test: true, folder);

        var total = train.Count + test.Count;
        var batches = train.Chunk(DemoClipEncoder.BatchSize).Concat(test.Chunk(DemoClipEncoder.BatchSize)).ToList();
        var done = 0;
        Parallel.ForEach(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            batch => DemoClipEncoder.Write(
                batch, options, () => progress?.Report(new DemoDataProgress(Interlocked.Increment(ref done), total))));

        var trainCsv = Path.Combine(folder, "train.csv");
        var testCsv = Path.Combine(folder, "test.csv");
        VideoTextCsv.Write(trainCsv, train.Select(c => new VideoTextSample(c.VideoPath, c.Caption)));
        VideoTextCsv.Write(testCsv, test.Select(c => new VideoTextSample(c.VideoPath, c.Caption)));
        return new DemoDataSummary(folder, trainCsv, testCsv, train, test, heldOut, clock.Elapsed);
    }
}
