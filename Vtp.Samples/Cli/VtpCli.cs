using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Vtp.Samples.Commands;

namespace Vtp.Samples.Cli;

/// <summary>The <c>vtp</c> command line: the demo (no arguments) and the commands under it.</summary>
public static class VtpCli
{
    /// <summary>Runs <c>vtp</c> with <paramref name="args"/> on the process console; Ctrl+C stops the command cleanly.</summary>
    public static int Run(string[] args)
    {
        using var ctrlC = new CtrlC();
        return Run(args, Console.Out, Console.Error, ctrlC.Token);
    }

    /// <summary>Runs <c>vtp</c> with <paramref name="args"/>, writing to the given writers; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var runner = new CommandRunner(stdout, stderr, cancellationToken);
        var root = CreateRoot(runner);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            var command = CommandRunner.CommandPath(parse.CommandResult.Command);
            var io = new CommandIO(stdout, stderr, args.Contains(GlobalOptions.Json.Name), verbose: false, cancellationToken);
            return io.Fail(new ErrorReport(ExitCodes.Usage, parse.Errors[0].Message, $"Run '{command} --help' for usage and examples."), null);
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        });
    }

    private static RootCommand CreateRoot(CommandRunner runner)
    {
        var root = new RootCommand("vtp: SimVTP video-text pretraining, fine-tuning, embedding and retrieval. With no command: the demo.");
        root.Add(GlobalOptions.Json);
        root.Add(GlobalOptions.Verbose);
        DemoCommand.Configure(root, runner);
        foreach (var command in new[]
        {
            GenerateCommand.Create(runner), PretrainCommand.Create(runner), FineTuneCommand.Create(runner), EmbedCommand.Create(runner),
            EmbedMergeCommand.Create(runner), SearchCommand.Create(runner), EvaluateCommand.Create(runner), TokenizeCommand.Create(runner), ProbeCommand.Create(runner),
            DumpForwardCommand.Create(runner), InfoCommand.Create(runner),
        })
        {
            root.Add(command);
        }
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, runner.Examples);
        return root;
    }
}
