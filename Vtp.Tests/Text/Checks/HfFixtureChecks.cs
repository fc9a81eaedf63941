using System.Text.Json;
using Vtp.Text;

namespace Vtp.Tests.Text.Checks;

/// <summary>
/// The bert-base-uncased tokenizer against the fixtures the HF tokenizer wrote (Data/README.md): ids, tokens, token
/// types, decoded text and offsets. Run in-process by the tests and, under invariant globalization, by the checker
/// process (<see cref="TextCheckProgram"/>).
/// </summary>
internal static class HfFixtureChecks
{
    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;

    /// <summary>Every fixture check, the Unicode classes included.</summary>
    public static IReadOnlyList<CheckResult> All() => [PublishedVectors(), RandomCaptions(), NamedCases(), UnicodeClassCheck.Run()];

    /// <summary>The ten published vectors: ids, tokens, token types (0 through the first [SEP], 1 after it in a pair) and decoded text.</summary>
    public static CheckResult PublishedVectors() => Run("published vectors", "bert-base-uncased-vectors.json", root => root.EnumerateArray(), (item, label, batch, mismatches) =>
    {
        string[] tokens = TextTestData.StringArray(item.GetProperty("tokens"));
        int firstSeparator = Array.IndexOf(tokens, BertSpecialTokens.SeparatorToken);
        bool isPair = item.TryGetProperty("pair", out _);
        long[] typeIds = [.. tokens.Select((_, i) => isPair && i > firstSeparator ? 1L : 0L)];
        Compare(mismatches, label, "tokens", tokens, batch.InputIds.Select(id => s_tokenizer.Vocabulary.GetToken(id)));
        Compare(mismatches, label, "token types", typeIds, batch.TokenTypeIds);
    });

    /// <summary>400 random captions, 40% with a second segment and half truncated: ids, token types and decoded text.</summary>
    public static CheckResult RandomCaptions() => Run("random captions", "hf-random-captions.json", root => root.EnumerateArray(), (item, label, batch, mismatches) =>
        Compare(mismatches, label, "token types", TextTestData.Int64Array(item.GetProperty("typeIds")), batch.TokenTypeIds));

    /// <summary>
    /// The named cases (issue 13's inputs and more, pairs and truncation): ids, tokens, token types, decoded text with
    /// and without special tokens, and for single texts the tokens of <c>EncodeToTokens</c> with their offsets.
    /// </summary>
    public static CheckResult NamedCases() => Run("named cases", "hf-named-cases.json", root => root.GetProperty("cases").EnumerateArray(), (item, label, batch, mismatches) =>
    {
        Compare(mismatches, label, "tokens", TextTestData.StringArray(item.GetProperty("tokens")), batch.InputIds.Select(id => s_tokenizer.Vocabulary.GetToken(id)));
        Compare(mismatches, label, "token types", TextTestData.Int64Array(item.GetProperty("typeIds")), batch.TokenTypeIds);
        Compare(mismatches, label, "decoded with special tokens", [item.GetProperty("decodedWithSpecialTokens").GetString()],
            [s_tokenizer.Decode(batch.InputIds, skipSpecialTokens: false)]);
        if (item.TryGetProperty("pieces", out JsonElement pieces))
        {
            var tokens = s_tokenizer.EncodeToTokens(item.GetProperty("text").GetString()!, out _);
            Compare(mismatches, label, "EncodeToTokens ids", TextTestData.Int64Array(pieces.GetProperty("ids")), tokens.Select(t => (long)t.Id));
            Compare(mismatches, label, "EncodeToTokens values", TextTestData.StringArray(pieces.GetProperty("tokens")), tokens.Select(t => t.Value));
            Compare(mismatches, label, "EncodeToTokens offsets",
                pieces.GetProperty("offsets").EnumerateArray().Select(o => $"{o[0].GetInt32()}..{o[1].GetInt32()}"), tokens.Select(t => t.Offset.ToString()));
        }
    });

    /// <summary>
    /// Encodes each case of a fixture ("text", optional "pair", optional "maxLength" where the reference truncated),
    /// compares ids and decoded text, then runs <paramref name="compareMore"/>.
    /// </summary>
    private static CheckResult Run(string name, string fixture, Func<JsonElement, IEnumerable<JsonElement>> cases,
        Action<JsonElement, string, TokenizedBatch, List<string>> compareMore)
    {
        using JsonDocument document = TextTestData.ReadJson(fixture);
        var mismatches = new List<string>();
        int compared = 0;
        foreach (JsonElement item in cases(document.RootElement))
        {
            string text = item.GetProperty("text").GetString()!;
            string? pair = item.TryGetProperty("pair", out JsonElement pairElement) ? pairElement.GetString() : null;
            int maxLength = item.TryGetProperty("maxLength", out JsonElement max) ? max.GetInt32() : int.MaxValue;
            TokenizedBatch batch = pair is null ? s_tokenizer.Encode([text], maxLength) : s_tokenizer.Encode([text], [pair], maxLength);
            string label = $"{JsonSerializer.Serialize(text)} / {JsonSerializer.Serialize(pair)} / max {maxLength}";

            Compare(mismatches, label, "ids", TextTestData.Int64Array(item.GetProperty("ids")), batch.InputIds);
            Compare(mismatches, label, "decoded", [item.GetProperty("decoded").GetString()], [s_tokenizer.Decode(batch.InputIds)]);
            compareMore(item, label, batch, mismatches);
            compared++;
        }

        return new CheckResult(name, compared, mismatches);
    }

    private static void Compare<T>(List<string> mismatches, string label, string what, IEnumerable<T> expected, IEnumerable<T> actual)
    {
        if (!expected.SequenceEqual(actual))
        {
            mismatches.Add($"{what} of {label}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }
    }
}
