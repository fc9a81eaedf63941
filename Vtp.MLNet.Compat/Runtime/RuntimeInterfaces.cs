#nullable disable
namespace Microsoft.ML.Runtime;

/// <summary>Something that can annotate exceptions with where they were thrown.</summary>
public interface IExceptionContext
{
    /// <summary>A description of the context (its full name).</summary>
    string ContextDescription { get; }

    /// <summary>Records the context on <paramref name="ex"/> and returns it, for <c>throw ctx.Process(ex)</c>.</summary>
    TException Process<TException>(TException ex)
        where TException : Exception;
}

/// <summary>A one-way pipe of messages.</summary>
public interface IPipe<TMessage> : IExceptionContext, IDisposable
{
    /// <summary>Sends <paramref name="msg"/> to the listeners.</summary>
    void Send(TMessage msg);
}

/// <summary>A channel of log messages; only the overloads that take a <see cref="MessageSensitivity"/> are public.</summary>
public interface IChannel : IPipe<ChannelMessage>
{
    /// <summary>Sends a trace message.</summary>
    void Trace(MessageSensitivity sensitivity, string fmt);
    /// <summary>Sends a formatted trace message.</summary>
    void Trace(MessageSensitivity sensitivity, string fmt, params object[] args);
    /// <summary>Sends an error message.</summary>
    void Error(MessageSensitivity sensitivity, string fmt);
    /// <summary>Sends a formatted error message.</summary>
    void Error(MessageSensitivity sensitivity, string fmt, params object[] args);
    /// <summary>Sends a warning message.</summary>
    void Warning(MessageSensitivity sensitivity, string fmt);
    /// <summary>Sends a formatted warning message.</summary>
    void Warning(MessageSensitivity sensitivity, string fmt, params object[] args);
    /// <summary>Sends an information message.</summary>
    void Info(MessageSensitivity sensitivity, string fmt);
    /// <summary>Sends a formatted information message.</summary>
    void Info(MessageSensitivity sensitivity, string fmt, params object[] args);
}

/// <summary>Starts channels and pipes.</summary>
public interface IChannelProvider : IExceptionContext
{
    /// <summary>Starts a channel named <paramref name="name"/>.</summary>
    IChannel Start(string name);

    /// <summary>Starts a pipe of <typeparamref name="TMessage"/> named <paramref name="name"/>.</summary>
    IPipe<TMessage> StartPipe<TMessage>(string name);
}

/// <summary>One progress report being filled.</summary>
public interface IProgressEntry
{
    /// <summary>Sets the progress of unit <paramref name="index"/>.</summary>
    void SetProgress(int index, double value);
    /// <summary>Sets the progress of unit <paramref name="index"/> out of <paramref name="lim"/>.</summary>
    void SetProgress(int index, double value, double lim);
    /// <summary>Sets metric <paramref name="index"/>.</summary>
    void SetMetric(int index, double value);
}

/// <summary>Starts progress channels.</summary>
public interface IProgressChannelProvider
{
    /// <summary>Starts a progress channel named <paramref name="name"/>.</summary>
    IProgressChannel StartProgressChannel(string name);
}

/// <summary>A channel of progress reports; its reports are polled by progress trackers and never reach the log.</summary>
public interface IProgressChannel : IProgressChannelProvider, IDisposable
{
    /// <summary>Declares the units and metrics, and the action that fills a report when one is requested.</summary>
    void SetHeader(ProgressHeader header, Action<IProgressEntry> fillAction);

    /// <summary>Records a checkpoint with the given metric values.</summary>
    void Checkpoint(params double?[] values);
}

/// <summary>An environment that hosts components: channels, random numbers and registration of named hosts.</summary>
public interface IHostEnvironment : IChannelProvider, IProgressChannelProvider
{
    /// <summary>The catalog of loadable components.</summary>
    ComponentCatalog ComponentCatalog { get; }

    /// <summary>Registers a named host whose random generator uses <paramref name="seed"/> or is derived from this environment's.</summary>
    IHost Register(string name, int? seed = null, bool? verbose = null);
}

/// <summary>A named host for one component.</summary>
public interface IHost : IHostEnvironment
{
    /// <summary>The host's random number generator.</summary>
    Random Rand { get; }
}
