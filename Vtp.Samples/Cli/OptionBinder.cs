using System.CommandLine;

namespace Vtp.Samples.Cli;

/// <summary>
/// Binds command-line options onto the fields of an options class (rule: defaults live only in the options class).
/// Each option's help shows the default read from a fresh options object; an option the user does not give leaves the
/// target's field as it is, so a preset target (e.g. the quick demo) keeps its own values.
/// </summary>
/// <typeparam name="TOptions">The options class.</typeparam>
internal sealed class OptionBinder<TOptions>(TOptions defaults)
{
    private readonly List<(Option Option, Action<ParseResult, TOptions> Apply)> bindings = [];

    /// <summary>The options in the order they were added.</summary>
    public IEnumerable<Option> Options => bindings.Select(b => b.Option);

    /// <summary>Adds an option whose value is written with <paramref name="write"/>; its help default is <paramref name="read"/> of the defaults.</summary>
    public Option<T> Add<T>(string name, string description, Func<TOptions, T> read, Action<TOptions, T> write)
    {
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

    /// <summary>Writes the options given on the command line into <paramref name="target"/> and returns it.</summary>
    public TOptions Apply(ParseResult parse, TOptions target)
    {
        foreach (var (_, apply) in bindings) apply(parse, target);
        return target;
    }
}
