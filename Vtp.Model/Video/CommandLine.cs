using System.Text;

namespace Vtp.Video;

/// <summary>
/// Joins separate arguments into the one command-line string FFMpegCore passes on (and .NET splits again with the
/// usual rules: whitespace separates, double quotes group, backslashes escape only quotes).
/// </summary>
internal static class CommandLine
{
    /// <summary>The arguments, each quoted where it needs to be, separated by spaces.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes before a quote are doubled, and the quote escaped; elsewhere they stand for themselves.
            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        // Before the closing quote, backslashes are doubled too.
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
