// End-to-end training behaviour of the engine: learning a teacher, and flat native memory under dispose scopes.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vtp.Tests.Torch;

[TestClass]
public sealed class TrainingTests
{
    private sealed class Mlp : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1, fc2;

        public Mlp(long input, long hidden) : base(nameof(Mlp))
        {
            fc1 = nn.Linear(input, hidden);
            fc2 = nn.Linear(hidden, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            return fc2.call(nn.functional.gelu(fc1.call(x))).MoveToOuterDisposeScope();
        }
    }

    [TestMethod]
    public void TwoLayerMlpLearnsATeacherHundredfold()
    {
        manual_seed(11);
        using var teacher = new Mlp(4, 8);
        using var student = new Mlp(4, 32);
        using var optimizer = optim.AdamW(student.parameters(), lr: 3e-3, weight_decay: 0.0);
        using var data = NewDisposeScope();
        var x = randn(512, 4);
        Tensor y;
        using (no_grad()) y = teacher.call(x);

        double Loss()
        {
            using var s = NewDisposeScope();
            using var _ = no_grad();
            return nn.functional.mse_loss(student.call(x), y).ToDouble();
        }

        var initial = Loss();
        for (int step = 0; step < 1500; step++)
        {
            using var s = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(student.call(x), y).backward();
            optimizer.step();
        }
        var final = Loss();
        Assert.IsTrue(final * 100 < initial, $"loss went from {initial} to {final}, less than a 100x fall");
    }

    [TestMethod]
    [DoNotParallelize]
    public void NativeMemoryStaysFlatOverFiveHundredSteps()
    {
        manual_seed(5);
        using var block = new TinyTransformerBlock(dim: 64, heads: 4);
        using var optimizer = optim.AdamW(block.parameters(), lr: 1e-3, weight_decay: 0.05);
        using var inputs = NewDisposeScope();
        var x = randn(4, 50, 64);
        long afterStep50 = 0;
        for (int step = 1; step <= 500; step++)
        {
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                block.call(x).pow(2).mean().backward();
                optimizer.step();
            }
            if (step == 50) afterStep50 = ResidentBytes();
        }
        var afterStep500 = ResidentBytes();
        Assert.IsTrue(afterStep500 <= afterStep50 * 1.10,
            $"resident memory grew from {afterStep50 >> 20} MiB (step 50) to {afterStep500 >> 20} MiB (step 500)");
    }

    /// <summary>Resident set size from /proc/self/statm (pages, second field).</summary>
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var pages = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1]);
        return pages * Environment.SystemPageSize;
    }
}
