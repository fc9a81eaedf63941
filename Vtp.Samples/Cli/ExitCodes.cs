namespace Vtp.Samples.Cli;

/// <summary>The exit codes of <c>vtp</c> (listed in docs/getting-started.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong: unknown command or option, a missing or invalid value.</summary>
    public const int Usage = 1;

    /// <summary>An input is wrong: a missing file, a malformed annotation or embedding file, an unreadable video or model package.</summary>
    public const int BadInput = 2;

    /// <summary>Anything else failed while running (the message says what; --verbose adds the stack trace).</summary>
    public const int Failure = 3;

    /// <summary>Stopped by Ctrl+C (or a cancelled token); training keeps its last checkpoint when a checkpoint folder is set.</summary>
    public const int Cancelled = 130;
}
