// Small float64 models and seeded data for the data-parallel tests, and the single-process gradient oracle.
using TorchSharp;
using TorchSharp.Modules;
using Vtp.Tests.Support;
using static TorchSharp.torch;

namespace Vtp.Tests.Distributed;

/// <summary>4 -> hidden -> hidden -> 2 with tanh, plus an optional extra 4 -> 2 head that only some steps use, and a buffer.</summary>
internal sealed class SmallNet : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1, fc2, fc3;
    private readonly Linear? extra;
    private readonly Tensor steps;

    public SmallNet(long hidden = 8, bool withExtra = false) : base(nameof(SmallNet))
    {
        fc1 = nn.Linear(4, hidden, dtype: ScalarType.Float64);
        fc2 = nn.Linear(hidden, hidden, dtype: ScalarType.Float64);
        fc3 = nn.Linear(hidden, 2, dtype: ScalarType.Float64);
        extra = withExtra ? nn.Linear(4, 2, dtype: ScalarType.Float64) : null;
        steps = zeros(3, ScalarType.Float64);
        RegisterComponents();
    }

    /// <summary>Whether forward adds the extra head (which must exist).</summary>
    public bool UseExtra { get; set; }

    /// <summary>[N, 4] -> [N, 2].</summary>
    public override Tensor forward(Tensor x)
    {
        var y = fc3.call(tanh(fc2.call(tanh(fc1.call(x)))));
        return UseExtra ? y + extra!.call(x) : y;
    }
}

/// <summary>Text [N, 6] and video [N, 5] features projected to a shared 4-dim space.</summary>
internal sealed class PairEncoder : nn.Module
{
    private readonly Linear text, video;

    public PairEncoder() : base(nameof(PairEncoder))
    {
        text = nn.Linear(6, 4, dtype: ScalarType.Float64);
        video = nn.Linear(5, 4, dtype: ScalarType.Float64);
        RegisterComponents();
    }

    public (Tensor Text, Tensor Video) Encode(Tensor texts, Tensor videos) => (text.call(texts), video.call(videos));
}

internal static class TestNets
{
    /// <summary>Fills every parameter and buffer from one generator seeded with <paramref name="seed"/>: the same weights in every thread.</summary>
    public static T Seeded<T>(this T module, ulong seed) where T : nn.Module
    {
        using var generator = new Generator(seed);
        using (no_grad())
            foreach (var t in module.parameters().Cast<Tensor>().Concat(module.buffers()))
                t.copy_(randn(t.shape, ScalarType.Float64, generator: generator));
        return module;
    }

    /// <summary>Seeded float64 rows of <paramref name="columns"/> features: the same values in every thread.</summary>
    public static Tensor Rows(ulong seed, long rows, long columns)
    {
        using var generator = new Generator(seed);
        return randn(new[] { rows, columns }, ScalarType.Float64, generator: generator);
    }

    /// <summary>Mean squared error of <paramref name="net"/> on shard <paramref name="shard"/> (5 seeded rows).</summary>
    public static Tensor ShardLoss(SmallNet net, int shard) =>
        nn.functional.mse_loss(net.call(Rows(1000 + (ulong)shard, 5, 4)), Rows(2000 + (ulong)shard, 5, 2));

    /// <summary>Each parameter's gradient (zeros where it has none).</summary>
    public static double[][] Gradients(nn.Module module) =>
        module.parameters().Select(p => p.grad is { } g ? TorchAssert.Doubles(g) : new double[p.numel()]).ToArray();

    /// <summary>The single-process oracle: the gradients that backward over <paramref name="shards"/> accumulates in a fresh copy of the net.</summary>
    public static double[][] LocalGradients(Func<SmallNet> create, params int[] shards)
    {
        using var scope = NewDisposeScope();
        using var net = create();
        foreach (var shard in shards) ShardLoss(net, shard).backward();
        return Gradients(net);
    }

    public static double[][] Mean(params double[][][] perRank) =>
        perRank[0].Select((_, p) => perRank[0][p].Select((_, i) => perRank.Average(r => r[p][i])).ToArray()).ToArray();

    public static void AssertClose(double[][] expected, double[][] actual, string what, double tolerance = 1e-12)
    {
        Assert.HasCount(expected.Length, actual, $"{what}: parameter count");
        for (int p = 0; p < expected.Length; p++)
            for (int i = 0; i < expected[p].Length; i++)
                if (Math.Abs(expected[p][i] - actual[p][i]) > tolerance * (1 + Math.Abs(expected[p][i])))
                    Assert.Fail($"{what}: parameter {p} element {i} is {actual[p][i]}, expected {expected[p][i]}");
    }
}
