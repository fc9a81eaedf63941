namespace Vtp.Samples.Cli;

/// <summary>A problem a command detected itself, with the exit code and the hint to print.</summary>
/// <param name="exitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="message">One line saying what is wrong, naming the file or value.</param>
/// <param name="hint">One line saying what to do about it.</param>
internal sealed class CliException(int exitCode, string message, string hint) : Exception(message)
{
    /// <summary>The exit code to return.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>What to do about it.</summary>
    public string Hint { get; } = hint;

    /// <summary>A missing input file, naming it and the folder relative paths start from.</summary>
    public static CliException MissingFile(string path, string what) => new(ExitCodes.BadInput,
        $"{what} '{path}' does not exist.", $"Relative paths start at the current directory ({Environment.CurrentDirectory}).");
}
