// Learning-rate schedulers: each step sets every group's rate from its initial rate and the step number.
using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Sets each group's learning rate at every step(); the rate of step 0 is set at construction.</summary>
            public class LRScheduler
            {
                private readonly Optimizer optimizer;
                private readonly Func<double, int, double> rate;

                internal LRScheduler(Optimizer optimizer, Func<double, int, double> rate, int last_epoch = -1)
                {
                    this.optimizer = optimizer;
                    this.rate = rate;
                    this.last_epoch = last_epoch;
                    step();
                }

                public int last_epoch { get; private set; }

                /// <summary>Advances one step and applies the rate for the new step.</summary>
                public void step()
                {
                    last_epoch++;
                    foreach (var o in optimizer.GroupOptions) o.LearningRate = rate(o.InitialLearningRate, last_epoch);
                }

                public IEnumerable<double> get_last_lr() => optimizer.GroupOptions.Select(o => o.LearningRate ?? 0);
            }

            /// <summary>lr(step) = initial lr * lr_lambda(step).</summary>
            public static LRScheduler LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1) =>
                new(optimizer, (initial, step) => initial * lr_lambda(step), last_epoch);
        }
    }
}
