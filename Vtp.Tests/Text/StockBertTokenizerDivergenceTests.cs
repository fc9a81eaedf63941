using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Vtp.Tests.Text;

/// <summary>
/// Pinned facts about the stock Microsoft.ML.Tokenizers 3.0.0 <see cref="Microsoft.ML.Tokenizers.BertTokenizer"/>
/// over bert-base-uncased (with ICU), against HF (Data/hf-named-cases.json): where it gives other ids or text, and
/// that it matches on the rest. docs/dependencies.md lists the same; when a test here fails, the package changed.
/// </summary>
[TestClass]
public sealed class StockBertTokenizerDivergenceTests
{
    /// <summary>The options closest to HF: accents are stripped only with <see cref="BertOptions.RemoveNonSpacingMarks"/>.</summary>
    private static readonly Microsoft.ML.Tokenizers.BertTokenizer s_stock = TextTestData.StockBertTokenizer(new BertOptions { RemoveNonSpacingMarks = true });
    private static readonly Lazy<JsonDocument> s_cases = new(() => TextTestData.ReadJson("hf-named-cases.json"));

    private static readonly string[] s_differingIds =
    [
        "emoji", "letter number Nl", "vulgar fraction No", "superscript No", "tab inside text", "newline inside text",
        "dollar plus equals", "tilde degree copyright", "zero-width space inside a word", "zero-width joiner inside a word",
        "byte order mark inside a word", "underscore", "lowercase [mask] is text", "Hangul syllables decompose to jamo",
        "Devanagari vowel signs", "soft hyphen", "zero-width non-joiner",
    ];

    private static readonly string[] s_differingText = ["apostrophes", "contractions", "mixed case and hyphen"];

    [TestMethod]
    [DataRow("emoji", new[] { 101, 1045, 2293, 10733, 2061, 2172, 999, 102 }, DisplayName = "an emoji is dropped, not [UNK]")]
    [DataRow("letter number Nl", new[] { 101, 3127, 4269, 102 }, DisplayName = "Ⅻ (Nl) is dropped, not [UNK]")]
    [DataRow("vulgar fraction No", new[] { 101, 5587, 2452, 102 }, DisplayName = "½ (No) is dropped")]
    [DataRow("superscript No", new[] { 101, 1041, 11338, 102 }, DisplayName = "= and ² are dropped")]
    [DataRow("tab inside text", new[] { 101, 21628, 3366, 28689, 3064, 102 }, DisplayName = "a tab does not split words")]
    [DataRow("newline inside text", new[] { 101, 2240, 2028, 4179, 2048, 102 }, DisplayName = "a newline does not split words")]
    [DataRow("dollar plus equals", new[] { 101, 1019, 1017, 1022, 102 }, DisplayName = "$ + = are dropped")]
    [DataRow("tilde degree copyright", new[] { 101, 2322, 1039, 16798, 2549, 102 }, DisplayName = "~ ° © are dropped")]
    [DataRow("zero-width space inside a word", new[] { 101, 5717, 9381, 102 }, DisplayName = "a zero-width space splits the word")]
    [DataRow("zero-width joiner inside a word", new[] { 101, 2155, 2051, 102 }, DisplayName = "a zero-width joiner splits the word")]
    [DataRow("byte order mark inside a word", new[] { 101, 24880, 2344, 102 }, DisplayName = "a BOM splits the word")]
    [DataRow("underscore", new[] { 101, 7488, 29638, 18382, 29638, 18442, 102 }, DisplayName = "_ is not split off as punctuation")]
    [DataRow("lowercase [mask] is text", new[] { 101, 1037, 103, 2182, 102 }, DisplayName = "[mask] is taken for the [MASK] token")]
    [DataRow("Hangul syllables decompose to jamo", new[] { 101, 100, 102 }, DisplayName = "Hangul syllables are not decomposed")]
    [DataRow("Devanagari vowel signs", new[] { 101, 1339, 1327, 29861, 102 }, DisplayName = "Devanagari vowel signs (Mc) split the word")]
    [DataRow("soft hyphen", new[] { 101, 2522, 5452, 102 }, DisplayName = "a soft hyphen splits the word")]
    [DataRow("zero-width non-joiner", new[] { 101, 1037, 1038, 102 }, DisplayName = "a zero-width non-joiner splits the word")]
    public void TheStockTokenizerGivesOtherIdsThanHf(string name, int[] stockIds)
    {
        JsonElement hf = Case(name);
        int[] actual = [.. s_stock.EncodeToIds(hf.GetProperty("text").GetString()!)];

        CollectionAssert.AreEqual(stockIds, actual, "the package's output changed: update docs/dependencies.md");
        CollectionAssert.AreNotEqual(TextTestData.Int32Array(hf.GetProperty("ids")), actual);
    }

    [TestMethod]
    [DataRow("apostrophes", "don' t stop, it' s john' s car")]
    [DataRow("contractions", "i' m sure they' ve gone, we' re late")]
    [DataRow("mixed case and hyphen", "huggingface' s gpu - cluster!!")]
    public void TheStockDecoderGluesApostrophesToTheWordBefore(string name, string stockText)
    {
        JsonElement hf = Case(name);
        int[] hfIds = TextTestData.Int32Array(hf.GetProperty("ids"));
        CollectionAssert.AreEqual(hfIds, s_stock.EncodeToIds(hf.GetProperty("text").GetString()!).ToArray(), "same ids");

        string actual = s_stock.Decode(hfIds, skipSpecialTokens: true);
        Assert.AreEqual(stockText, actual, "the package's output changed: update docs/dependencies.md");
        Assert.AreNotEqual(hf.GetProperty("decoded").GetString(), actual);
    }

    [TestMethod]
    public void TheStockTokenizerMatchesHfOnTheOtherSingleTexts()
    {
        string[] singles = [.. Cases().Where(c => !c.TryGetProperty("pair", out _) && !c.TryGetProperty("maxLength", out _)).Select(c => c.GetProperty("name").GetString()!)];
        string[] matching = [.. singles.Except(s_differingIds).Except(s_differingText)];
        Assert.AreEqual(49, singles.Length);
        Assert.AreEqual(29, matching.Length);
        foreach (string name in matching)
        {
            JsonElement hf = Case(name);
            int[] ids = [.. s_stock.EncodeToIds(hf.GetProperty("text").GetString()!)];
            CollectionAssert.AreEqual(TextTestData.Int32Array(hf.GetProperty("ids")), ids, name);
            Assert.AreEqual(hf.GetProperty("decoded").GetString(), s_stock.Decode(ids, skipSpecialTokens: true), name);
        }
    }

    [TestMethod]
    public void WithDefaultOptionsAccentedWordsAreUnknown()
    {
        var stock = TextTestData.StockBertTokenizer();
        CollectionAssert.AreEqual(new[] { 101, 100, 102 }, stock.EncodeToIds("naïve").ToArray());
        CollectionAssert.AreEqual(new[] { 101, 15743, 102 }, TextTestData.Int32Array(Case("naive").GetProperty("ids")));
    }

    private static IEnumerable<JsonElement> Cases() => s_cases.Value.RootElement.GetProperty("cases").EnumerateArray();

    private static JsonElement Case(string name) => Cases().Single(c => c.GetProperty("name").GetString() == name);
}
