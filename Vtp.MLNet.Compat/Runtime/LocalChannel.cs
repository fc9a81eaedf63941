#nullable disable
using System.Diagnostics;

namespace Microsoft.ML.Runtime;

// A pipe named "<host>; <name>" (or just "<name>" on the root environment) that forwards messages to the listener.
internal class LocalPipe<TMessage> : IPipe<TMessage>
{
    private readonly Action<string, ChannelMessage> _listener;
    private readonly string _hostName;
    private readonly string _name;

    public LocalPipe(LocalHost host, string name, Action<string, ChannelMessage> listener)
    {
        _hostName = host.ShortName;
        _name = name;
        _listener = listener;
        FullName = string.IsNullOrEmpty(host.ShortName) ? name : $"{host.ShortName}; {name}";
    }

    public string FullName { get; }

    public string ContextDescription => FullName;

    protected bool IsDisposed { get; private set; }

    // Only channel messages have a listener (the MLContext log); other message types have none, as in an MLContext.
    public void Send(TMessage msg)
    {
        if (msg is ChannelMessage message)
            _listener(FullName, message);
    }

    public TException Process<TException>(TException ex)
        where TException : Exception
    {
        if (ex != null)
        {
            ex.Data[ExceptionDataKeys.ThrowingComponent] = _hostName;
            ex.Data[ExceptionDataKeys.Phase] = _name;
        }
        return ex;
    }

    public void Dispose()
    {
        if (IsDisposed)
            return;
        OnDisposing();
        IsDisposed = true;
    }

    protected virtual void OnDisposing()
    {
    }
}

// A log channel. Like ML.NET's LocalEnvironment channel it traces its start, its elapsed time and its disposal.
internal sealed class LocalChannel : LocalPipe<ChannelMessage>, IChannel
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public LocalChannel(LocalHost host, string name, Action<string, ChannelMessage> listener)
        : base(host, name, listener)
    {
        Trace(MessageSensitivity.None, "Channel started");
    }

    public void Trace(MessageSensitivity sensitivity, string fmt) => Post(ChannelMessageKind.Trace, sensitivity, fmt, null);
    public void Trace(MessageSensitivity sensitivity, string fmt, params object[] args) => Post(ChannelMessageKind.Trace, sensitivity, fmt, args);
    public void Info(MessageSensitivity sensitivity, string fmt) => Post(ChannelMessageKind.Info, sensitivity, fmt, null);
    public void Info(MessageSensitivity sensitivity, string fmt, params object[] args) => Post(ChannelMessageKind.Info, sensitivity, fmt, args);
    public void Warning(MessageSensitivity sensitivity, string fmt) => Post(ChannelMessageKind.Warning, sensitivity, fmt, null);
    public void Warning(MessageSensitivity sensitivity, string fmt, params object[] args) => Post(ChannelMessageKind.Warning, sensitivity, fmt, args);
    public void Error(MessageSensitivity sensitivity, string fmt) => Post(ChannelMessageKind.Error, sensitivity, fmt, null);
    public void Error(MessageSensitivity sensitivity, string fmt, params object[] args) => Post(ChannelMessageKind.Error, sensitivity, fmt, args);

    protected override void OnDisposing()
    {
        Trace(MessageSensitivity.None, "Channel finished. Elapsed {0:c}.", _watch.Elapsed);
        _watch.Stop();
        Trace(MessageSensitivity.None, "Channel disposed");
    }

    private void Post(ChannelMessageKind kind, MessageSensitivity sensitivity, string fmt, object[] args)
        => Send(new ChannelMessage(kind, sensitivity, fmt, args));
}

// A progress channel. ML.NET's progress reports are pulled by a progress tracker that an MLContext never exposes, so
// they are observable by no one and never reach the log; this channel therefore keeps nothing.
internal sealed class LocalProgressChannel : IProgressChannel
{
    public void SetHeader(ProgressHeader header, Action<IProgressEntry> fillAction)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(fillAction);
    }

    public void Checkpoint(params double?[] values)
    {
    }

    public IProgressChannel StartProgressChannel(string name)
        => string.IsNullOrEmpty(name) ? throw new ArgumentNullException(nameof(name)) : new LocalProgressChannel();

    public void Dispose()
    {
    }
}
