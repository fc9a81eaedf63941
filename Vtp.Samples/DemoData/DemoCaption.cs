using System.Text.RegularExpressions;

namespace Vtp.Samples.DemoData;

/// <summary>
/// The caption grammar of the demo world: <c>a SIZE COLOUR SHAPE moves DIRECTION SPEED</c>, objects joined by
/// <c>and</c>; e.g. "a small red circle moves to the left quickly and a large blue square moves up slowly".
/// </summary>
public static partial class DemoCaption
{
    /// <summary>The caption of <paramref name="objects"/>.</summary>
    public static string Compose(IEnumerable<DemoObject> objects) => string.Join(" and ", objects.Select(Describe));

    /// <summary>The objects a caption describes.</summary>
    /// <exception cref="FormatException">The caption does not follow the grammar (the message quotes it).</exception>
    public static IReadOnlyList<DemoObject> Parse(string caption) =>
        caption.Split(" and ").Select(part =>
        {
            var m = ObjectPattern().Match(part);
            if (!m.Success)
            {
                throw new FormatException($"'{part}' in caption '{caption}' is not 'a SIZE COLOUR SHAPE moves DIRECTION SPEED'.");
            }

            return new DemoObject(
                Enum.Parse<DemoSize>(m.Groups["size"].Value, ignoreCase: true),
                Enum.Parse<DemoColour>(m.Groups["colour"].Value, ignoreCase: true),
                Enum.Parse<DemoShape>(m.Groups["shape"].Value, ignoreCase: true),
                Enum.Parse<DemoDirection>(m.Groups["direction"].Value.Replace("to the ", ""), ignoreCase: true),
                Enum.Parse<DemoSpeed>(m.Groups["speed"].Value, ignoreCase: true));
        }).ToList();

    private static string Describe(DemoObject o)
    {
        var direction = o.Direction switch
        {
            DemoDirection.Left => "to the left",
            DemoDirection.Right => "to the right",
            _ => o.Direction.ToString().ToLowerInvariant(),
        };
        return $"a {Word(o.Size)} {Word(o.Colour)} {Word(o.Shape)} moves {direction} {Word(o.Speed)}";
    }

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^a (?<size>small|large) (?<colour>red|green|blue|yellow|purple|white) (?<shape>circle|square|triangle) moves (?<direction>to the left|to the right|up|down) (?<speed>slowly|quickly)$")]
    private static partial Regex ObjectPattern();
}
