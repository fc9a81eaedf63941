#nullable disable
namespace Microsoft.ML.Runtime;

/// <summary>The kind of a channel message.</summary>
public enum ChannelMessageKind
{
    /// <summary>Diagnostic detail (channel start and end, for example).</summary>
    Trace = 0,
    /// <summary>Progress and results.</summary>
    Info = 1,
    /// <summary>Something unexpected that did not stop the work.</summary>
    Warning = 2,
    /// <summary>A failure.</summary>
    Error = 3,
}

/// <summary>Which kinds of sensitive data a message may contain.</summary>
[Flags]
public enum MessageSensitivity
{
    /// <summary>Nothing sensitive.</summary>
    None = 0,
    /// <summary>May contain user data from data files.</summary>
    UserData = 0x1,
    /// <summary>May contain schema information such as column names.</summary>
    Schema = 0x2,
    /// <summary>Unknown: treated as if everything is sensitive.</summary>
    Unknown = ~None,
    /// <summary>Every flag; the same as <see cref="Unknown"/>.</summary>
    All = Unknown,
}

/// <summary>A message sent through an <see cref="IChannel"/>; formatting is deferred until <see cref="Message"/> is read.</summary>
public struct ChannelMessage
{
    /// <summary>The kind of message.</summary>
    public readonly ChannelMessageKind Kind;

    /// <summary>The sensitivity of the message text.</summary>
    public readonly MessageSensitivity Sensitivity;

    private readonly string _message;
    private readonly object[] _args;

    internal ChannelMessage(ChannelMessageKind kind, MessageSensitivity sensitivity, string message, object[] args)
    {
        if (string.IsNullOrEmpty(message))
            throw new ArgumentNullException(nameof(message));
        Kind = kind;
        Sensitivity = sensitivity;
        _message = message;
        _args = args;
    }

    /// <summary>The text, with format arguments applied when there are any.</summary>
    public string Message => _args is { Length: > 0 } ? string.Format(_message, _args) : _message;
}
