// torch.nn.Module: parameters, buffers and submodules registered by field name (PyTorch state-dict naming such as
// "blocks.0.attn.qkv.weight"), train/eval, device and dtype moves, state dicts and disposal.
using System.Reflection;
using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public abstract class Module : IDisposable
        {
            private readonly Dictionary<string, Parameter> parametersByName = new();
            private readonly Dictionary<string, (Tensor tensor, bool persistent)> buffersByName = new();
            private readonly Dictionary<string, Module> modulesByName = new();
            private readonly List<string> parameterOrder = new(), bufferOrder = new(), moduleOrder = new();
            private readonly string name;

            protected Module(string name) => this.name = name;

            public virtual string GetName() => name;

            public bool training { get; private set; } = true;

            /// <summary>Registers every non-null Module, Parameter and Tensor field under its field name, in declaration order.</summary>
            protected virtual void RegisterComponents()
            {
                foreach (var field in Fields(GetType()))
                {
                    var value = field.GetValue(this);
                    switch (value)
                    {
                        case Module m: register_module(field.Name, m); break;
                        case Parameter p: register_parameter(field.Name, p); break;
                        case Tensor t: register_buffer(field.Name, t); break;
                    }
                }
            }

            private static IEnumerable<FieldInfo> Fields(Type type)
            {
                var chain = new Stack<Type>();
                for (var t = type; t != null && t != typeof(Module); t = t.BaseType) chain.Push(t);
                foreach (var t in chain)
                    foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        if (!f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) || f.Name.Contains("k__BackingField"))
                            yield return f;
            }

            public virtual void register_module(string name, Module submodule)
            {
                CheckName(name);
                if (!modulesByName.ContainsKey(name)) moduleOrder.Add(name);
                modulesByName[name] = submodule;
            }

            public virtual void register_parameter(string name, Parameter param)
            {
                CheckName(name);
                if (!parametersByName.ContainsKey(name)) parameterOrder.Add(name);
                parametersByName[name] = param;
            }

            public virtual void register_buffer(string name, Tensor tensor, bool persistent = true)
            {
                CheckName(name);
                if (!buffersByName.ContainsKey(name)) bufferOrder.Add(name);
                tensor.DetachFromDisposeScope();
                buffersByName[name] = (tensor, persistent);
            }

            public void add_module(string name, Module module) => register_module(name, module);

            private static void CheckName(string name)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    throw new ArgumentException($"Invalid component name '{name}': it must be non-empty and contain no '.'.", nameof(name));
            }

            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                foreach (var n in parameterOrder) yield return (n, parametersByName[n]);
                if (!recurse) yield break;
                foreach (var (prefix, m) in named_children())
                    foreach (var (n, p) in m.named_parameters(true)) yield return ($"{prefix}.{n}", p);
            }

            public virtual IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
            {
                foreach (var n in bufferOrder)
                    if (include_nonpersistent || buffersByName[n].persistent) yield return (n, buffersByName[n].tensor);
                if (!recurse) yield break;
                foreach (var (prefix, m) in named_children())
                    foreach (var (n, b) in m.named_buffers(true, include_nonpersistent)) yield return ($"{prefix}.{n}", b);
            }

            public virtual IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true) =>
                named_buffers(recurse, include_nonpersistent).Select(b => b.buffer);

            public virtual IEnumerable<(string name, Module module)> named_children() => moduleOrder.Select(n => (n, modulesByName[n]));
            public virtual IEnumerable<Module> children() => named_children().Select(c => c.module);

            public virtual IEnumerable<(string name, Module module)> named_modules()
            {
                foreach (var (n, m) in named_children())
                {
                    yield return (n, m);
                    foreach (var (sub, sm) in m.named_modules()) yield return ($"{n}.{sub}", sm);
                }
            }

            public virtual IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            public virtual bool has_parameter(string target) => named_parameters().Any(p => p.name == target);
            public virtual Parameter get_parameter(string target) =>
                named_parameters().FirstOrDefault(p => p.name == target).parameter ?? throw new ArgumentException($"No parameter named '{target}'.");

            public virtual Module apply(Action<Module> fn)
            {
                foreach (var m in children()) m.apply(fn);
                fn(this);
                return this;
            }

            public virtual void train(bool train = true)
            {
                training = train;
                foreach (var m in children()) m.train(train);
            }

            public virtual void eval() => train(false);

            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (set_to_none) { p.grad = null; continue; }
                    using var g = p.grad;
                    g?.zero_();
                }
            }

            /// <summary>Parameters and persistent buffers by dotted name. The tensors are the module's own (not copies).</summary>
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                var result = destination ?? new Dictionary<string, Tensor>();
                foreach (var (n, p) in named_parameters()) result[prefix + n] = p;
                foreach (var (n, b) in named_buffers(true, include_nonpersistent: false)) result[prefix + n] = b;
                return result;
            }

            /// <summary>Copies matching tensors into this module's parameters and buffers (without recording gradients).</summary>
            /// <returns>The missing and unexpected keys (both empty when strict succeeds).</returns>
            /// <exception cref="ArgumentException">strict and a key is missing or unexpected, or any shape differs.</exception>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                var own = state_dict();
                var skipped = new HashSet<string>(skip ?? []);
                var missing = own.Keys.Where(k => !source.ContainsKey(k) && !skipped.Contains(k)).ToList();
                var unexpected = source.Keys.Where(k => !own.ContainsKey(k) && !skipped.Contains(k)).ToList();
                var mismatched = own.Where(kv => source.TryGetValue(kv.Key, out var s) && !skipped.Contains(kv.Key) && !s.shape.SequenceEqual(kv.Value.shape))
                    .Select(kv => $"{kv.Key}: expected [{string.Join(", ", kv.Value.shape)}], got [{string.Join(", ", source[kv.Key].shape)}]").ToList();
                var problems = new List<string>();
                if (mismatched.Count > 0) problems.Add("shape mismatch for " + string.Join("; ", mismatched));
                if (strict && missing.Count > 0) problems.Add("missing keys: " + string.Join(", ", missing));
                if (strict && unexpected.Count > 0) problems.Add("unexpected keys: " + string.Join(", ", unexpected));
                if (problems.Count > 0)
                    throw new ArgumentException($"Error(s) in loading state dict for {GetName()}: {string.Join(". ", problems)}.");
                using (no_grad())
                    foreach (var (key, target) in own)
                        if (source.TryGetValue(key, out var value) && !skipped.Contains(key)) target.copy_(value);
                return (missing, unexpected);
            }

            /// <summary>Moves (and converts) every parameter and buffer, replacing the fields that hold them.</summary>
            public Module to(Device device) => Move(t => t.to(device));
            public Module to(ScalarType type) => Move(t => t.is_floating_point() ? t.to(type) : t.alias());
            public Module to(ScalarType type, Device device) => Move(t => t.is_floating_point() ? t.to(type, device) : t.to(device));
            public Module cpu() => to(CPU);
            public Module cuda() => to(CUDA);

            private Module Move(Func<Tensor, Tensor> convert)
            {
                foreach (var m in children()) ((Module)m).Move(convert);
                foreach (var n in parameterOrder.ToList())
                {
                    var old = parametersByName[n];
                    using var detached = old.detach();
                    var moved = new Parameter(convert(detached), old.requires_grad);
                    parametersByName[n] = moved;
                    ReplaceField(old, moved);
                    old.Dispose();
                }
                foreach (var n in bufferOrder.ToList())
                {
                    var (old, persistent) = buffersByName[n];
                    var moved = convert(old).DetachFromDisposeScope();
                    buffersByName[n] = (moved, persistent);
                    ReplaceField(old, moved);
                    old.Dispose();
                }
                return this;
            }

            private void ReplaceField(object old, object replacement)
            {
                foreach (var f in Fields(GetType()))
                    if (ReferenceEquals(f.GetValue(this), old) && f.FieldType.IsInstanceOfType(replacement)) f.SetValue(this, replacement);
            }

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing)
            {
                if (!disposing) return;
                foreach (var m in modulesByName.Values) m.Dispose();
                foreach (var p in parametersByName.Values) p.Dispose();
                foreach (var (b, _) in buffersByName.Values) b.Dispose();
            }
        }

        public abstract class Module<T, TResult> : Module
        {
            protected Module(string name) : base(name) { }
            public abstract TResult forward(T input);
            public TResult call(T input) => forward(input);
        }

        public abstract class Module<T1, T2, TResult> : Module
        {
            protected Module(string name) : base(name) { }
            public abstract TResult forward(T1 input1, T2 input2);
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }

        public abstract class Module<T1, T2, T3, TResult> : Module
        {
            protected Module(string name) : base(name) { }
            public abstract TResult forward(T1 input1, T2 input2, T3 input3);
            public TResult call(T1 input1, T2 input2, T3 input3) => forward(input1, input2, input3);
        }
    }
}
