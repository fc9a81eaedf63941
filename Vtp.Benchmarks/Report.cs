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

    /// <summary>Median forward, backward and optimizer times and minor page faults per step of both sides.</summary>
    public static void Phases(PretrainMeasurement vtp, PretrainMeasurement peer)
    {
        static string Line(PretrainMeasurement m) =>
            $"forward {m.ForwardMs,7:F1}  backward {m.BackwardMs,7:F1}  optimizer {m.OptimizerMs,7:F1} ms (medians), {m.FaultsPerStep,8:F0} page faults/step";
        Console.WriteLine($"Vtp (C#)  {Line(vtp)}");
        Console.WriteLine($"PyTorch   {Line(peer)}");
    }
}
