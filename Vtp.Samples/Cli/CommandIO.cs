using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Vtp.Samples.Cli;

/// <summary>
/// What one running command writes to: human output on stdout (<see cref="Out"/>), progress and errors on stderr
/// (<see cref="Err"/>), or one JSON document on stdout with <c>--json</c>; and the token that Ctrl+C cancels.
/// </summary>
internal sealed class CommandIO
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly TextWriter stdout, stderr;

    public CommandIO(TextWriter stdout, TextWriter stderr, bool json, bool verbose, CancellationToken cancellationToken)
    {
        (this.stdout, this.stderr) = (stdout, stderr);
        Json = json;
        Verbose = verbose;
        CancellationToken = cancellationToken;
        Out = CreateConsole(stdout);
        Err = CreateConsole(stderr);
    }

    /// <summary>Human-readable results (stdout).</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Progress bars, notes and errors (stderr), so that stdout stays clean for results.</summary>
    public IAnsiConsole Err { get; }

    /// <summary>True with --json: results as JSON, no progress display.</summary>
    public bool Json { get; }

    /// <summary>True with --verbose: errors with stack traces.</summary>
    public bool Verbose { get; }

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Writes <paramref name="value"/> as indented snake_case JSON on stdout.</summary>
    public void WriteJson(object value) => stdout.WriteLine(JsonSerializer.Serialize(value, value.GetType(), JsonOptions));

    /// <summary>Passes a line of another vtp process's stdout through unchanged (thread-safe).</summary>
    public void WriteRawLine(string line)
    {
        lock (stdout) stdout.WriteLine(line);
    }

    /// <summary>Passes a line of another vtp process's stderr through unchanged (thread-safe).</summary>
    public void WriteRawErrorLine(string line)
    {
        lock (stderr) stderr.WriteLine(line);
    }

    /// <summary>Writes the result: <paramref name="json"/> with --json, else runs <paramref name="human"/>.</summary>
    public int Result(object json, Action human)
    {
        if (Json) WriteJson(json);
        else human();
        return ExitCodes.Ok;
    }

    /// <summary>A note on stderr (not in --json mode), e.g. where a file was written.</summary>
    public void Note(string markup)
    {
        if (!Json) Err.MarkupLine(markup);
    }

    /// <summary>Reports a failure: one line and a hint on stderr (and a JSON error on stdout with --json); returns its exit code.</summary>
    public int Fail(ErrorReport report, Exception? error)
    {
        Err.MarkupLineInterpolated($"[red]error:[/] {report.Message}");
        Err.MarkupLineInterpolated($"[grey]hint:[/] {report.Hint}");
        if (Verbose && error is not null) Err.WriteLine(error.ToString());
        if (Json) WriteJson(new { Error = report.Message, report.Hint, report.ExitCode });
        return report.ExitCode;
    }

    // Colours and live progress only on a terminal; redirected output gets plain text, not wrapped.
    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        if (output.IsTerminal) return AnsiConsole.Create(new AnsiConsoleSettings { Out = output });
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 1000;
        return console;
    }
}
