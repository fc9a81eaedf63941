// AdamW (decoupled weight decay), as torch.optim.AdamW computes it, with parameter groups and saved state.
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public sealed class AdamW : optim.Optimizer
{
    public sealed class Options : OptimizerOptions
    {
        public double? beta1;
        public double? beta2;
        public double? weight_decay;
        public double? eps;
        public bool? amsgrad;
        public bool? maximize;
    }

    public sealed class ParamGroup : ParamGroup<Options>
    {
        public ParamGroup() { }
        public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }
        public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999,
            double eps = 1e-08, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize })
        { }
    }

    /// <summary>One parameter's state: the step count and the first and second moment estimates.</summary>
    public sealed class State : OptimizerState
    {
        public long step;
        public Tensor exp_avg = null!;
        public Tensor exp_avg_sq = null!;
        public Tensor? max_exp_avg_sq;
    }

    private readonly List<ParamGroup> groups = new();
    private readonly Dictionary<Parameter, State> states = new(ReferenceEqualityComparer.Instance);
    private readonly Options defaults;

    public AdamW(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-08,
        double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters, new Options())], lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

    public AdamW(IEnumerable<ParamGroup> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-08,
        double weight_decay = 0, bool amsgrad = false, bool maximize = false)
    {
        if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
        if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
        if (beta1 is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {beta1}");
        if (beta2 is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {beta2}");
        if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        defaults = new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize };
        foreach (var g in parameters) add_param_group(g);
    }

    public IReadOnlyList<ParamGroup> ParamGroups => groups;

    public (double, double) Betas => (defaults.beta1!.Value, defaults.beta2!.Value);

    /// <summary>Adds a group; its unset options take the optimizer's defaults.</summary>
    public void add_param_group(ParamGroup param_group)
    {
        var o = param_group.Options;
        o.LearningRate ??= defaults.LearningRate;
        o.beta1 ??= defaults.beta1; o.beta2 ??= defaults.beta2; o.eps ??= defaults.eps;
        o.weight_decay ??= defaults.weight_decay; o.amsgrad ??= defaults.amsgrad; o.maximize ??= defaults.maximize;
        o.InitialLearningRate = o.LearningRate!.Value;
        groups.Add(param_group);
    }

    protected override IEnumerable<Parameter> AllParameters() => groups.SelectMany(g => g.Parameters);

    internal override IReadOnlyList<OptimizerOptions> GroupOptions => groups.Select(g => (OptimizerOptions)g.Options).ToList();

    public override Tensor? step(Func<Tensor>? closure = null)
    {
        Tensor? loss = null;
        if (closure != null)
            using (enable_grad()) loss = closure();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var group in groups)
        {
            var o = group.Options;
            double lr = o.LearningRate!.Value, beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, eps = o.eps!.Value, wd = o.weight_decay!.Value;
            foreach (var p in group.Parameters)
            {
                using var rawGrad = p.grad;
                if (rawGrad is null) continue;
                var grad = o.maximize!.Value ? rawGrad.neg() : rawGrad;
                var state = StateOf(p, o.amsgrad!.Value);
                state.step++;
                if (wd != 0) p.mul_(1 - lr * wd);
                state.exp_avg.lerp_(grad, 1 - beta1);
                state.exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
                var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
                var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, state.step));
                var second = state.exp_avg_sq;
                if (state.max_exp_avg_sq is not null)
                {
                    state.max_exp_avg_sq.copy_(state.max_exp_avg_sq.maximum(second));
                    second = state.max_exp_avg_sq;
                }
                var denom = second.sqrt().div_(biasCorrection2Sqrt).add_(eps);
                p.addcdiv_(state.exp_avg, denom, -lr / biasCorrection1);
            }
            scope.DisposeEverything();
        }
        return loss;
    }

    private State StateOf(Parameter p, bool amsgrad)
    {
        if (states.TryGetValue(p, out var s)) return s;
        s = new State
        {
            exp_avg = zeros_like(p).DetachFromDisposeScope(),
            exp_avg_sq = zeros_like(p).DetachFromDisposeScope(),
            max_exp_avg_sq = amsgrad ? zeros_like(p).DetachFromDisposeScope() : null,
        };
        states[p] = s;
        return s;
    }

    /// <summary>The options of each group and the state of each parameter (in group order; fresh zeros where none yet).</summary>
    public StateDictionary state_dict()
    {
        var dict = new StateDictionary();
        foreach (var g in groups)
        {
            dict.Options.Add(g.Options);
            foreach (var p in g.Parameters) dict.State.Add(StateOf(p, g.Options.amsgrad!.Value));
        }
        return dict;
    }

    /// <summary>Restores the learning rates and the per-parameter state saved by <see cref="state_dict"/>.</summary>
    public void load_state_dict(StateDictionary source)
    {
        var own = state_dict();
        if (source.Options.Count != own.Options.Count || source.State.Count != own.State.Count)
            throw new ArgumentException($"The state dict has {source.Options.Count} groups and {source.State.Count} parameter states; " +
                $"this optimizer has {own.Options.Count} and {own.State.Count}.");
        for (int i = 0; i < groups.Count; i++)
        {
            var from = (Options)source.Options[i];
            groups[i].Options.LearningRate = from.LearningRate;
            groups[i].Options.InitialLearningRate = from.InitialLearningRate;
        }
        using var _ = no_grad();
        for (int i = 0; i < own.State.Count; i++)
        {
            var (to, from) = ((State)own.State[i], (State)source.State[i]);
            to.step = from.step;
            to.exp_avg.copy_(from.exp_avg);
            to.exp_avg_sq.copy_(from.exp_avg_sq);
            if (to.max_exp_avg_sq is not null && from.max_exp_avg_sq is not null) to.max_exp_avg_sq.copy_(from.max_exp_avg_sq);
        }
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var s in states.Values) { s.exp_avg.Dispose(); s.exp_avg_sq.Dispose(); s.max_exp_avg_sq?.Dispose(); }
        states.Clear();
    }
}
