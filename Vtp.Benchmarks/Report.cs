// Printing a Vtp-against-PyTorch timing comparison.
namespace Vtp.Benchmarks;

internal static class Report
{
    public static void Ratio(StepTimes vtp, StepTimes peer)
    {
        Console.WriteLine($"Vtp (C#)  best {vtp.BestMs,8:F1} ms  median {vtp.MedianMs,8:F1} ms");
        Console.WriteLine($"PyTorch   best {peer.BestMs,8:F1} ms  median {peer.MedianMs,8:F1} ms");
        Console.WriteLine($"PyTorch/Vtp time ratio: best {peer.BestMs / vtp.BestMs:F3}, median {peer.MedianMs / vtp.MedianMs:F3} (above 1: Vtp is faster)");
    }
}
