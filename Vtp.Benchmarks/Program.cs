// Entry point of the benchmarks: dotnet run -c Release --project Vtp.Benchmarks -- <benchmark> [options]
using Vtp.Benchmarks;

return args.FirstOrDefault() switch
{
    "block" => BlockBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Vtp.Benchmarks block [--steps N] [--threads N]");
    return 1;
}
