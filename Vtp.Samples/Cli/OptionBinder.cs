using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Vtp.Samples.Cli;

/// <summary>
/// Binds command-line options onto the fields of an options class (rule: defaults live only in the options class).
/// Each option's help shows the default read from a fresh options object; an option the user does not give leaves the
/// target's field as it is, so a preset target (e.g. the quick demo) keeps its own values. An option check's error
/// that names a field is reported with the option that sets it.
/// </summary>
/// <typeparam name="TOptions">The options class.</typeparam>
internal sealed partial class OptionBinder<TOptions>(TOptions defaults)
{
    private readonly List<(Option Option, Action<ParseResult, TOptions> Apply)> bindings = [];
    private readonly Dictionary<string, string> optionOfField = [];

    /// <summary>The options in the order they were added.</summary>
    public IEnumerable<Option> Options => bindings.Select(b => b.Option);

    /// <summary>Adds an option whose value is written with <paramref name="write"/>; its help default is <paramref name="read"/> of the defaults.</summary>
    /// <param name="name">The option, e.g. "--lr".</param>
    /// <param name="description">Its help text.</param>
    /// <param name="read">Reads the field (a lambda <c>o =&gt; o.Field</c> also tells error messages which field the option sets).</param>
    /// <param name="write">Writes the parsed value.</param>
    /// <param name="readCode">Filled in by the compiler: the source of <paramref name="read"/>.</param>
    public Option<T> Add<T>(string name, string description, Func<TOptions, T> read, Action<TOptions, T> write,
        [CallerArgumentExpression(nameof(read))] string readCode = "")
    {
        if (FieldRead().Match(readCode) is { Success: true } field) optionOfField[field.Groups[1].Value] = name;
        var option = new Option<T>(name) { Description = description };
        if (read(defaults) is { } value) option.DefaultValueFactory = _ => value;
        bindings.Add((option, (parse, target) =>
        {
            if (parse.GetResult(option) is { Implicit: false }) write(target, parse.GetValue(option)!);
        }));
        return option;
    }

    /// <summary>Adds an option that has no counterpart default (e.g. a path that sets an object), applied only when given.</summary>
    public Option<T> AddWithoutDefault<T>(string name, string description, Action<TOptions, T> write) =>
        Add(name, description, _ => default!, write);

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in Options) command.Add(option);
    }

    /// <summary>
    /// An option check's error (an <see cref="ArgumentException"/> whose parameter is a bound field) in command-line
    /// words: every bound field it names becomes its option ("BaseLearningRate must be ..." becomes "--lr must be ...").
    /// Null for any other error.
    /// </summary>
    public string? InOptionWords(ArgumentException error)
    {
        if (error.ParamName is not { } parameter || !optionOfField.ContainsKey(parameter)) return null;
        var message = error.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal);
        return optionOfField.Aggregate(message, (text, pair) => Regex.Replace(text, $@"\b{pair.Key}\b", pair.Value));
    }

    /// <summary>Writes the options given on the command line into <paramref name="target"/> and returns it.</summary>
    public TOptions Apply(ParseResult parse, TOptions target)
    {
        foreach (var (_, apply) in bindings) apply(parse, target);
        return target;
    }

    // "o => o.Field" or "o => !o.Field" (also "_ => job.Field"): the field an option reads.
    [GeneratedRegex(@"^\s*\w+\s*=>\s*!?\w+\.(\w+)\s*$")]
    private static partial Regex FieldRead();
}
