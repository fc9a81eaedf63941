// Containers: ModuleList (children named "0", "1", ...) and Sequential.
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public sealed class ModuleList<T> : nn.Module, IList<T> where T : nn.Module
{
    private readonly List<T> list = new();

    public ModuleList(params T[] modules) : base("ModuleList") { foreach (var m in modules) Add(m); }

    public T this[int index] { get => list[index]; set => throw new NotSupportedException("Replacing a registered module is not supported."); }
    public int Count => list.Count;
    public bool IsReadOnly => false;

    public void Add(T item)
    {
        register_module(list.Count.ToString(), item);
        list.Add(item);
    }

    public void append(params T[] modules) { foreach (var m in modules) Add(m); }
    public void extend(IEnumerable<T> modules) { foreach (var m in modules) Add(m); }

    public bool Contains(T item) => list.Contains(item);
    public int IndexOf(T item) => list.IndexOf(item);
    public void CopyTo(T[] array, int arrayIndex) => list.CopyTo(array, arrayIndex);
    public IEnumerator<T> GetEnumerator() => list.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => list.GetEnumerator();

    public void Clear() => throw new NotSupportedException("Removing registered modules is not supported.");
    public void Insert(int index, T item) => throw new NotSupportedException("Inserting modules is not supported; use Add.");
    public bool Remove(T item) => throw new NotSupportedException("Removing registered modules is not supported.");
    public void RemoveAt(int index) => throw new NotSupportedException("Removing registered modules is not supported.");

    protected override void RegisterComponents() { }
}

public sealed class Sequential : nn.Module<Tensor, Tensor>
{
    private readonly List<nn.Module<Tensor, Tensor>> items = new();

    internal Sequential(IEnumerable<(string name, nn.Module<Tensor, Tensor> module)> modules) : base(nameof(Sequential))
    {
        foreach (var (name, module) in modules) append(name, module);
    }

    public int Count => items.Count;

    public Sequential append(string name, nn.Module<Tensor, Tensor> module)
    {
        register_module(name, module);
        items.Add(module);
        return this;
    }

    public Sequential append(nn.Module<Tensor, Tensor> module) => append(items.Count.ToString(), module);

    /// <summary>Runs the modules in order, disposing intermediate results.</summary>
    public override Tensor forward(Tensor tensor)
    {
        if (items.Count == 0) return tensor.alias();
        var x = items[0].call(tensor);
        for (int i = 1; i < items.Count; i++)
        {
            var next = items[i].call(x);
            x.Dispose();
            x = next;
        }
        return x;
    }
}
