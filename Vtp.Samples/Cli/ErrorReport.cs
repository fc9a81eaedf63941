using System.Text.Json;
using Vtp.Data;
using Vtp.Distributed;
using Vtp.Video;

namespace Vtp.Samples.Cli;

/// <summary>How a failed command is reported: an exit code, one line saying what is wrong and one line of advice.</summary>
internal sealed record ErrorReport(int ExitCode, string Message, string Hint)
{
    /// <summary>Classifies <paramref name="error"/>, raised while running <paramref name="command"/> (e.g. "vtp embed").</summary>
    public static ErrorReport From(Exception error, string command)
    {
        var report = Classify(error, command);
        return report with { Message = OneLine(report.Message) };
    }

    private static ErrorReport Classify(Exception error, string command) => error switch
    {
        CliException e => new(e.ExitCode, e.Message, e.Hint),
        OperationCanceledException => new(ExitCodes.Cancelled, "Stopped (cancelled).", "Run the same command again to start over, or to resume from its checkpoint folder."),
        FileNotFoundException or DirectoryNotFoundException => new(ExitCodes.BadInput, error.Message,
            $"Relative paths start at the current directory ({Environment.CurrentDirectory})."),
        DatasetFormatException => new(ExitCodes.BadInput, error.Message,
            "Annotation files are CSV (video,caption[,start,end]), JSONL or SimVTP JSON; see docs/formats.md."),
        VideoDecodeException => new(ExitCodes.BadInput, error.Message, "Check the file with 'vtp probe <video>'."),
        DistributedException => new(ExitCodes.Failure, error.Message,
            "Another rank stopped or cannot be reached; the last checkpoint stays valid: start the job again to resume (docs/distributed.md)."),
        InvalidDataException or JsonException => new(ExitCodes.BadInput, error.Message,
            "The file is damaged or of another kind; model packages come from 'vtp pretrain', 'vtp finetune' or the demo."),
        ArgumentException => new(ExitCodes.Usage, error.Message, $"Run '{command} --help' for the options and their ranges."),
        _ => new(ExitCodes.Failure, error.Message, "Run again with --verbose for the details."),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
