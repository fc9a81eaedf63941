// Thread-local dispose scopes: every tensor created on a thread joins the innermost open scope and is disposed with
// it, unless it is moved out (MoveToOuter) or detached. Grad mode and scopes are per thread: no await inside them.
namespace TorchSharp;

public sealed class DisposeScope : IDisposable
{
    private readonly DisposeScopeManager manager;
    private HashSet<IDisposable> disposables = new(ReferenceEqualityComparer.Instance);

    internal DisposeScope(DisposeScopeManager manager, DisposeScope? outer)
    {
        this.manager = manager;
        OuterScope = outer;
    }

    internal DisposeScope? OuterScope { get; }
    internal bool IsDisposed { get; private set; }

    public int DisposablesCount => disposables.Count;
    public IReadOnlyList<IDisposable> DisposablesView => disposables.ToList();

    public bool Contains(IDisposable disposable) => disposables.Contains(disposable);

    public void Attach(IDisposable disposable)
    {
        if (disposable is torch.Tensor t) t.MoveToScope(this);
        else disposables.Add(disposable);
    }

    public void Attach(params IDisposable[] disposables) { foreach (var d in disposables) Attach(d); }

    public T Detach<T>(T disposable) where T : IDisposable
    {
        if (disposable is torch.Tensor t) t.MoveToScope(null);
        else disposables.Remove(disposable);
        return disposable;
    }

    public void Detach(params IDisposable[] disposables) { foreach (var d in disposables) Detach(d); }

    /// <summary>Moves the tensor to the enclosing scope (or out of all scopes) so it outlives this one.</summary>
    public T MoveToOuter<T>(T disposable) where T : IDisposable
    {
        if (disposable is torch.Tensor t) t.MoveToScope(OuterScope);
        else { disposables.Remove(disposable); OuterScope?.disposables.Add(disposable); }
        return disposable;
    }

    public (T1, T2) MoveToOuter<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable =>
        (MoveToOuter(first), MoveToOuter(second));

    public (T1, T2, T3) MoveToOuter<T1, T2, T3>(T1 first, T2 second, T3 third)
        where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable =>
        (MoveToOuter(first), MoveToOuter(second), MoveToOuter(third));

    public void MoveToOuter(params IDisposable[] disposables) { foreach (var d in disposables) MoveToOuter(d); }
    public void MoveToOuter(IEnumerable<IDisposable> disposables) { foreach (var d in disposables.ToList()) MoveToOuter(d); }

    /// <summary>Disposes everything in the scope except <paramref name="keep"/>, which stays in it.</summary>
    public T DisposeEverythingBut<T>(T keep) where T : IDisposable
    {
        foreach (var d in disposables.ToList())
            if (!ReferenceEquals(d, keep)) d.Dispose();
        return keep;
    }

    public void DisposeEverythingBut(params IDisposable[] keep)
    {
        var kept = new HashSet<IDisposable>(keep, ReferenceEqualityComparer.Instance);
        foreach (var d in disposables.ToList())
            if (!kept.Contains(d)) d.Dispose();
    }

    public void DisposeEverything() => DisposeEverythingBut(Array.Empty<IDisposable>());

    /// <summary>Marks the object as no longer owned by this scope (it was disposed elsewhere).</summary>
    public void MarkAsDisposed(IDisposable disposable) => disposables.Remove(disposable);

    internal void Add(IDisposable disposable) => disposables.Add(disposable);
    internal void Remove(IDisposable disposable) => disposables.Remove(disposable);

    public void Dispose()
    {
        if (IsDisposed) return;
        DisposeEverything();
        IsDisposed = true;
        manager.Close(this);
    }
}

internal sealed class DisposeScopeManager
{
    [ThreadStatic] private static DisposeScopeManager? current;

    internal static DisposeScopeManager ThreadManager => current ??= new DisposeScopeManager();

    internal DisposeScope? Innermost { get; private set; }

    internal static DisposeScope NewScope()
    {
        var manager = ThreadManager;
        var scope = new DisposeScope(manager, manager.Innermost);
        manager.Innermost = scope;
        return scope;
    }

    internal void Close(DisposeScope scope)
    {
        // Scopes normally close innermost-first; closing an outer one also closes those opened inside it.
        var s = Innermost;
        while (s != null && !ReferenceEquals(s, scope)) s = s.OuterScope;
        if (s == null) return;
        Innermost = scope.OuterScope;
    }
}
