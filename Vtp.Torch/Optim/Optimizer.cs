// Optimizer plumbing shared by the optimizers: options, parameter groups, state dictionaries and the base class.
using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>An optimizer: steps parameters from their gradients; schedulers set its learning rate.</summary>
            public abstract class Optimizer : IDisposable
            {
                /// <summary>Sets (or zeroes) the gradients of every optimised parameter.</summary>
                public virtual void zero_grad()
                {
                    foreach (var p in AllParameters()) p.grad = null;
                }

                public abstract Tensor? step(Func<Tensor>? closure = null);

                protected abstract IEnumerable<Parameter> AllParameters();

                /// <summary>The options of each parameter group (learning rates included), for schedulers.</summary>
                internal abstract IReadOnlyList<OptimizerOptions> GroupOptions { get; }

                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                protected virtual void Dispose(bool disposing) { }
            }

            public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999,
                double eps = 1e-08, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            public static AdamW AdamW(IEnumerable<Modules.AdamW.ParamGroup> parameters, double lr = 0.001, double beta1 = 0.9,
                double beta2 = 0.999, double eps = 1e-08, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }
}

namespace TorchSharp.Modules
{
    /// <summary>Options of a parameter group; unset (null) values fall back to the optimizer's defaults.</summary>
    public class OptimizerOptions
    {
        public double? LearningRate { get; set; }
        public double InitialLearningRate { get; set; }
    }

    /// <summary>Per-parameter optimizer state (moments and step count).</summary>
    public abstract class OptimizerState { }

    /// <summary>Parameters that share options.</summary>
    public class ParamGroup<TOptions> where TOptions : OptimizerOptions, new()
    {
        public ParamGroup() { }
        public ParamGroup(IEnumerable<Parameter> parameters, TOptions? options = null)
        {
            Parameters = parameters.ToList();
            Options = options ?? new TOptions();
        }

        public IEnumerable<Parameter> Parameters { get; set; } = [];
        public TOptions Options { get; set; } = new();
        public double LearningRate { get => Options.LearningRate ?? 0; set => Options.LearningRate = value; }
        public double InitialLearningRate { get => Options.InitialLearningRate; set => Options.InitialLearningRate = value; }
    }

    /// <summary>What state_dict() returns: the options of each group and the state of each parameter, in order.</summary>
    public sealed class StateDictionary
    {
        public List<OptimizerOptions> Options { get; } = new();
        public List<OptimizerState> State { get; } = new();
    }
}
