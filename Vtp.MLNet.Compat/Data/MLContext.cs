#nullable disable
using Microsoft.ML.Runtime;

namespace Microsoft.ML;

/// <summary>
/// The starting point of every operation: catalogs of data operations, transforms and model operations, the shared
/// random seed, and the <see cref="Log"/> that every channel started from this context writes to.
/// </summary>
public sealed class MLContext : IHostEnvironment
{
    private readonly LocalHost _env;

    /// <summary>Creates a context; a non-null <paramref name="seed"/> makes every derived random choice repeatable.</summary>
    public MLContext(int? seed = null)
    {
        _env = LocalHost.CreateRoot(seed, ProcessMessage);
        Transforms = new TransformsCatalog();
        Model = new ModelOperationsCatalog();
        Data = new DataOperationsCatalog(this);
    }

    /// <summary>Data transformations.</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Operations on trained models, such as prediction engines.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>Loading, splitting and shuffling data.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>The catalog of loadable components.</summary>
    public ComponentCatalog ComponentCatalog => _env.ComponentCatalog;

    /// <summary>The folder for temporary files; the system temporary folder unless set.</summary>
    public string TempFilePath { get; set; } = Path.GetTempPath();

    /// <summary>Whether components that prefer a GPU may fall back to the CPU when none is available.</summary>
    public bool FallbackToCpu { get; set; }

    /// <summary>The GPU that components should use; null for the CPU.</summary>
    public int? GpuDeviceId { get; set; }

    /// <summary>Receives every message sent through channels started from this context, trace messages included.</summary>
    public event EventHandler<LoggingEventArgs> Log;

    // A seed for an operation whose seed was left unspecified, drawn from this context's generator.
    internal int NextSeed() => _env.NextSeed();

    internal IHostEnvironment Environment => _env;

    private void ProcessMessage(string source, ChannelMessage message)
        => Log?.Invoke(this, new LoggingEventArgs(message.Message, message.Kind, source));

    string IExceptionContext.ContextDescription => _env.ContextDescription;
    TException IExceptionContext.Process<TException>(TException ex) => _env.Process(ex);
    IHost IHostEnvironment.Register(string name, int? seed, bool? verbose) => _env.Register(name, seed, verbose);
    IChannel IChannelProvider.Start(string name) => _env.Start(name);
    IPipe<TMessage> IChannelProvider.StartPipe<TMessage>(string name) => _env.StartPipe<TMessage>(name);
    IProgressChannel IProgressChannelProvider.StartProgressChannel(string name) => _env.StartProgressChannel(name);
}
