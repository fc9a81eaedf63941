using System.CommandLine;

namespace Vtp.Samples.Cli;

/// <summary>Options every command accepts (declared once on the root command, recursive).</summary>
internal static class GlobalOptions
{
    /// <summary>Machine-readable output: one JSON document on stdout (errors too), no progress display.</summary>
    public static Option<bool> Json { get; } = new("--json") { Description = "Write the result as JSON on stdout (errors too); no progress display", Recursive = true };

    /// <summary>Stack traces with errors.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Print the full error with its stack trace when a command fails", Recursive = true };
}
