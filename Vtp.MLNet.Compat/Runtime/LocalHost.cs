#nullable disable
namespace Microsoft.ML.Runtime;

// The environment behind an MLContext and the hosts registered on it. Channel messages go to one listener (the
// MLContext's Log) with the channel's full name as their source, as in ML.NET's LocalEnvironment.
internal sealed class LocalHost : IHost
{
    private readonly Action<string, ChannelMessage> _listener;
    private readonly object _randLock = new();

    private LocalHost(string shortName, Random rand, ComponentCatalog catalog, Action<string, ChannelMessage> listener)
    {
        ShortName = shortName;
        Rand = rand;
        ComponentCatalog = catalog;
        _listener = listener;
    }

    // The root environment: no name, seeded when a seed is given.
    public static LocalHost CreateRoot(int? seed, Action<string, ChannelMessage> listener)
        => new(null, seed.HasValue ? new Random(seed.Value) : new Random(), new ComponentCatalog(), listener);

    // Null for the root environment; a registered host's full name is its own name (ML.NET does not chain host names).
    public string ShortName { get; }

    public Random Rand { get; }

    public ComponentCatalog ComponentCatalog { get; }

    public string ContextDescription => ShortName;

    // A new seed drawn from this host's generator, for operations whose seed was left unspecified.
    public int NextSeed()
    {
        lock (_randLock)
            return Rand.Next();
    }

    public IHost Register(string name, int? seed = null, bool? verbose = null)
    {
        if (string.IsNullOrEmpty(name))
            throw new ArgumentNullException(nameof(name));
        return new LocalHost(name, new Random(seed ?? NextSeed()), ComponentCatalog, _listener);
    }

    public IChannel Start(string name) => new LocalChannel(this, CheckName(name), _listener);

    public IPipe<TMessage> StartPipe<TMessage>(string name) => new LocalPipe<TMessage>(this, CheckName(name), _listener);

    public IProgressChannel StartProgressChannel(string name)
    {
        CheckName(name);
        return new LocalProgressChannel();
    }

    public TException Process<TException>(TException ex)
        where TException : Exception
    {
        if (ex != null)
            ex.Data[ExceptionDataKeys.ThrowingComponent] = ShortName;
        return ex;
    }

    private static string CheckName(string name)
        => string.IsNullOrEmpty(name) ? throw new ArgumentNullException(nameof(name)) : name;
}

// The keys ML.NET's exception contexts write into Exception.Data.
internal static class ExceptionDataKeys
{
    public const string ThrowingComponent = "Throwing component";
    public const string Phase = "Phase";
}
