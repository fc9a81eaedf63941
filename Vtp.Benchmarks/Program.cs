// Entry point of the benchmarks: dotnet run --project Vtp.Benchmarks -c Release -- <benchmark> [arguments].
// Each benchmark is a verb; add new ones to the table.
using Vtp.Benchmarks;

var benchmarks = new Dictionary<string, (string Description, Func<string[], int> Run)>
{
    ["pretrain-step"] = ("one SimVTP pretraining step (4 passes, losses, backward, AdamW), Vtp against PyTorch " +
        "([--config tiny|small|parity|base] [--frames N] [--batch N] [--text-length N] [--steps N] [--threads N] [--rounds N] " +
        "[--vtp-json])", PretrainStepBenchmark.Run),
    ["embed"] = ("dual-encoder embedding videos/s and captions/s, Vtp against PyTorch, plus Vtp with decoding " +
        "([--config tiny] [--batch N] [--text-length N] [--steps N] [--threads N] [--clips N])", EmbeddingBenchmark.Run),
    ["mfu"] = ("model FLOPs utilisation of pretraining steps against the measured sgemm peak, Vtp and PyTorch " +
        "([--runs tiny:8:10,small:4:3,base:2:2] [--text-length N] [--threads N] [--sizes 512,1024,2048])", MfuBenchmark.Run),
    ["scaling"] = ("pretraining step time vs frames and batch, peak memory vs batch, Vtp against PyTorch " +
        "([--config small] [--frames 8,16,32] [--frames-batch N] [--batches 2,4,8] [--steps N] [--rounds N] [--text-length N] [--threads N])",
        ScalingBenchmark.Run),
    ["fuse"] = ("Vtp's pretraining step with the official four encoder calls against the fused joint + VTM call, taking turns " +
        "([--config tiny] [--batch N] [--text-length N] [--steps N] [--rounds N] [--threads N])", FusedPassesBenchmark.Run),
    ["ops"] = ("microseconds per tiny tensor op (the binding's per-call cost), Vtp against PyTorch ([--calls N] [--steps N] [--threads N])",
        OpOverheadBenchmark.Run),
    ["block"] = ("one SimVTP block forward+backward, Vtp against PyTorch (reference/bench_block.py) ([--steps N] [--threads N])", BlockBenchmark.Run),
    ["data-parallel"] = ("pretraining steps in 1 process against 2 processes joined by Gloo, scaling efficiency, gradient bytes and averaging time " +
        "per step ([--config tiny] [--batch N] [--steps N])", DataParallelBenchmark.Run),
    ["data-parallel-worker"] = ("one rank of 'data-parallel' (started by it)", DataParallelBenchmark.Worker),
    ["ablation"] = ("the paper's ablations on the demo world (mask ratios, losses, data), table into docs/ablations.md " +
        "([--seeds 3] [--quick] [--out FILE] [--rows official,text-15,...] [--data DIR] [--pretrain-steps N] [--finetune-steps N])", AblationBenchmark.Run),
    ["video-loader"] = ("VideoLoader clips/s against ffmpeg -f null; 'video-loader crossover' measures where seeking beats decoding " +
        "([--clips N] [--epochs N] [--folder DIR])", VideoLoaderBenchmark.Run),
    ["video-ffmpegcore"] = ("decoding and probing through FFMpegCore against plain ffmpeg/ffprobe processes, taking turns " +
        "([--clips N] [--rounds N] [--folder DIR])", FfmpegCoreBenchmark.Run),
};

if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var benchmark)) return benchmark.Run(args[1..]);
var asked = args.Length == 0 || args[0] is "-h" or "--help";
(asked ? Console.Out : Console.Error).WriteLine(
    (asked ? "" : $"Unknown benchmark '{args[0]}'.\n") + "Usage: Vtp.Benchmarks <benchmark> [arguments]\nBenchmarks:\n" +
    string.Join('\n', benchmarks.Select(b => $"  {b.Key,-14} {b.Value.Description}")));
return asked ? 0 : 1;
