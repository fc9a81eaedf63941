using System.Text.Json;
using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>
/// The tokenizer against fixtures written by the HF tokenizer itself: the published bert-base-uncased vectors, and
/// random captions run through the HF tokenizers library (Data/make-hf-fixtures.js says how).
/// </summary>
[TestClass]
public sealed class BertReferenceVectorsTests
{
    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;

    [TestMethod]
    public void EveryPublishedVectorMatchesIdsTokensTypesAndDecodedText()
    {
        using JsonDocument vectors = TextTestData.ReadJson("bert-base-uncased-vectors.json");
        int checkedCount = 0;
        foreach (JsonElement vector in vectors.RootElement.EnumerateArray())
        {
            (TokenizedBatch batch, string label, bool isPair) = EncodeFixtureCase(vector);

            string[] expectedTokens = [.. vector.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!)];
            CollectionAssert.AreEqual(TextTestData.Int64Array(vector.GetProperty("ids")), batch.InputIds, $"ids of {label}");
            CollectionAssert.AreEqual(expectedTokens, batch.InputIds.Select(id => s_tokenizer.Vocabulary.GetToken(id)).ToArray(), $"tokens of {label}");
            CollectionAssert.AreEqual(ExpectedTypeIds(expectedTokens, isPair), batch.TokenTypeIds, $"token types of {label}");
            Assert.AreEqual(vector.GetProperty("decoded").GetString(), s_tokenizer.Decode(batch.InputIds), $"decoded {label}");
            checkedCount++;
        }

        Assert.AreEqual(10, checkedCount, "the fixture holds ten vectors");
    }

    [TestMethod]
    public void RandomCaptionsMatchTheHfTokenizerWithPairsAndTruncation()
    {
        using JsonDocument cases = TextTestData.ReadJson("hf-random-captions.json");
        int checkedCount = 0;
        foreach (JsonElement item in cases.RootElement.EnumerateArray())
        {
            (TokenizedBatch batch, string label, _) = EncodeFixtureCase(item);

            CollectionAssert.AreEqual(TextTestData.Int64Array(item.GetProperty("ids")), batch.InputIds, $"ids of {label}");
            CollectionAssert.AreEqual(TextTestData.Int64Array(item.GetProperty("typeIds")), batch.TokenTypeIds, $"token types of {label}");
            Assert.AreEqual(item.GetProperty("decoded").GetString(), s_tokenizer.Decode(batch.InputIds), $"decoded {label}");
            checkedCount++;
        }

        Assert.AreEqual(400, checkedCount, "the fixture holds 400 captions");
    }

    /// <summary>
    /// Encodes a fixture case: "text", an optional "pair", and an optional "maxLength" (absent where the reference
    /// did not truncate).
    /// </summary>
    private static (TokenizedBatch Batch, string Label, bool IsPair) EncodeFixtureCase(JsonElement item)
    {
        string text = item.GetProperty("text").GetString()!;
        string? pair = item.TryGetProperty("pair", out JsonElement pairElement) ? pairElement.GetString() : null;
        int maxLength = item.TryGetProperty("maxLength", out JsonElement max) ? max.GetInt32() : int.MaxValue;
        TokenizedBatch batch = pair is null ? s_tokenizer.Encode([text], maxLength) : s_tokenizer.Encode([text], [pair], maxLength);
        return (batch, $"{JsonSerializer.Serialize(text)} / {JsonSerializer.Serialize(pair)} / max {maxLength}", pair is not null);
    }

    /// <summary>0 up to and including the first [SEP], 1 after it for a pair, read off the reference tokens.</summary>
    private static long[] ExpectedTypeIds(string[] tokens, bool isPair)
    {
        int firstSeparator = Array.IndexOf(tokens, BertSpecialTokens.SeparatorToken);
        return [.. tokens.Select((_, i) => isPair && i > firstSeparator ? 1L : 0L)];
    }
}
