using System.CommandLine;

namespace Vtp.Samples.Cli;

/// <summary>
/// Attaches command bodies to commands: each body gets a <see cref="CommandIO"/>, and any exception it throws becomes
/// one error line, a hint and an exit code (<see cref="ErrorReport"/>). Also keeps each command's help examples.
/// </summary>
internal sealed class CommandRunner(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
{
    private readonly Dictionary<Command, IReadOnlyList<string>> examples = [];

    /// <summary>The examples shown under each command's help.</summary>
    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples => examples;

    /// <summary>Runs <paramref name="body"/> when <paramref name="command"/> is invoked; <paramref name="commandExamples"/> go into its help.</summary>
    public void Handle(Command command, Func<ParseResult, CommandIO, int> body, params string[] commandExamples)
    {
        examples[command] = commandExamples;
        command.SetAction(parse =>
        {
            var io = new CommandIO(stdout, stderr, parse.GetValue(GlobalOptions.Json), parse.GetValue(GlobalOptions.Verbose), cancellationToken);
            try
            {
                return body(parse, io);
            }
            catch (Exception error)
            {
                return io.Fail(ErrorReport.From(error, CommandPath(command)), error);
            }
        });
    }

    /// <summary>"vtp embed" for the embed command, "vtp" for the root.</summary>
    public static string CommandPath(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent ? $"{CommandPath(parent)} {command.Name}" : "vtp";
}
