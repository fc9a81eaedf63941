#nullable disable
using Microsoft.ML.Runtime;

namespace Microsoft.ML;

/// <summary>The data of an <see cref="MLContext.Log"/> event.</summary>
public class LoggingEventArgs : EventArgs
{
    /// <summary>Creates event data holding only a message.</summary>
    public LoggingEventArgs(string message)
    {
        Message = message;
    }

    /// <summary>
    /// Creates event data for a channel message; <see cref="Message"/> becomes
    /// "[Source=<paramref name="source"/>, Kind=<paramref name="kind"/>] <paramref name="message"/>".
    /// </summary>
    public LoggingEventArgs(string message, ChannelMessageKind kind, string source)
    {
        RawMessage = message;
        Kind = kind;
        Source = source;
        Message = $"[Source={Source}, Kind={Kind}] {RawMessage}";
    }

    /// <summary>The full name of the channel that sent the message, e.g. "host; channel".</summary>
    public string Source { get; }

    /// <summary>The message kind.</summary>
    public ChannelMessageKind Kind { get; }

    /// <summary>The formatted message, source and kind included.</summary>
    public string Message { get; }

    /// <summary>The message text without source and kind.</summary>
    public string RawMessage { get; }
}
