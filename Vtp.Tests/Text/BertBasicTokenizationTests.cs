using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>Hand-worked cases of normalisation, word splitting and WordPiece on the bert-base-uncased vocabulary.</summary>
[TestClass]
public sealed class BertBasicTokenizationTests
{
    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;

    [TestMethod]
    [DataRow("Café NAÏVE Zürich", new[] { "cafe", "naive", "zurich" }, DisplayName = "accents are stripped and case folded")]
    [DataRow("Cafe\u0301", new[] { "cafe" }, DisplayName = "a combining accent is dropped")]
    [DataRow("東京abc", new[] { "東", "京", "abc" }, DisplayName = "each CJK ideograph is a word")]
    [DataRow("hello,world!", new[] { "hello", ",", "world", "!" }, DisplayName = "ASCII punctuation is split off")]
    [DataRow("$5+3=8", new[] { "$", "5", "+", "3", "=", "8" }, DisplayName = "ASCII symbols count as punctuation")]
    [DataRow("«hi»—yes", new[] { "«", "hi", "»", "—", "yes" }, DisplayName = "Unicode punctuation is split off")]
    [DataRow("a\u0007b\u200Bc", new[] { "abc" }, DisplayName = "control and format characters are dropped")]
    [DataRow("\u0000x\uFFFDy", new[] { "x", "##y" }, DisplayName = "NUL and the replacement character are dropped")]
    [DataRow("a\u00A0b\u3000c\td\ne\r\nf", new[] { "a", "b", "c", "d", "e", "f" }, DisplayName = "all whitespace separates words")]
    [DataRow("a[MASK]b [mask]", new[] { "a", "[MASK]", "b", "[", "mask", "]" }, DisplayName = "special tokens match case-sensitively")]
    [DataRow("playing", new[] { "playing" }, DisplayName = "a vocabulary word stays whole")]
    [DataRow("unaffable", new[] { "una", "##ffa", "##ble" }, DisplayName = "longest match first, then ## pieces")]
    [DataRow("abc😀 ok", new[] { "[UNK]", "ok" }, DisplayName = "a word with an unmatched piece is [UNK] whole")]
    public void TokenizesLikeBertBaseUncased(string text, string[] expected)
    {
        CollectionAssert.AreEqual(expected, Tokens(text));
    }

    [TestMethod]
    public void AWordOfAHundredCodePointsIsSplitAndOneMoreIsUnknown()
    {
        string[] hundred = Tokens(new string('a', 100));
        Assert.IsFalse(hundred.Contains(BertSpecialTokens.UnknownToken), string.Join(" ", hundred));
        Assert.AreEqual(new string('a', 100), string.Concat(hundred.Select(t => t.TrimStart('#'))));

        CollectionAssert.AreEqual(new[] { "[UNK]" }, Tokens(new string('a', 101)));
    }

    [TestMethod]
    public void TheLengthLimitCountsCodePointsAfterNormalisation()
    {
        // 100 accented letters are 200 UTF-16 units before NFD stripping, 100 after: still split, not [UNK].
        Assert.IsFalse(Tokens(string.Concat(Enumerable.Repeat("e\u0301", 100))).Contains("[UNK]"));
        // 101 emoji are 202 UTF-16 units but 101 code points: [UNK] by length.
        CollectionAssert.AreEqual(new[] { "[UNK]" }, Tokens(string.Concat(Enumerable.Repeat("😀", 101))));
    }

    [TestMethod]
    [DataRow("", DisplayName = "empty")]
    [DataRow(" \t\n\u00A0\u3000 ", DisplayName = "whitespace only")]
    [DataRow("\u0001\u200B\uFEFF", DisplayName = "control and format characters only")]
    public void TextWithoutWordsIsJustClsAndSep(string text)
    {
        Assert.AreEqual(0, Tokens(text).Length);
        TokenizedBatch batch = s_tokenizer.Encode([text]);
        BertSpecialTokens special = s_tokenizer.SpecialTokens;
        CollectionAssert.AreEqual(new long[] { special.Classifier, special.Separator }, batch.InputIds);
    }

    [TestMethod]
    public void TheNormalizerAndPreTokenizerShowTheIntermediateSteps()
    {
        Assert.AreEqual("hello , 東  京 ! naive", s_tokenizer.Normalizer.Normalize("HeLLo ,\u200B東京!\tNaïve"));
        Assert.AreEqual("hello , 東  京 ! naive", s_tokenizer.Normalizer.Normalize("HeLLo ,\u200B東京!\tNaïve".AsSpan()));
        CollectionAssert.AreEqual(new[] { "hello", ",", "東", "京", "!", "naive" }, TextTestData.Words(s_tokenizer, "hello , 東 京 ! naive"));
        CollectionAssert.AreEqual(new[] { (0, 5), (6, 1) }, s_tokenizer.PreTokenizer.PreTokenize("hello ,".AsSpan()).ToArray());
    }

    [TestMethod]
    public void AWordOfSixtyEmojiIsSplitWhenTheVocabularyHoldsThem()
    {
        // 60 code points but 120 UTF-16 units: HF's limit of 100 counts code points, so the word is not [UNK].
        var tokenizer = new BertTokenizer(WordPieceVocabularyBuilder.Build(["😀😀 ok"], targetSize: 12));
        string[] tokens = TextTestData.Tokens(tokenizer, string.Concat(Enumerable.Repeat("😀", 60)));
        CollectionAssert.DoesNotContain(tokens, "[UNK]");
        Assert.AreEqual(string.Concat(Enumerable.Repeat("😀", 60)), string.Concat(tokens.Select(t => t.TrimStart('#'))));
    }

    [TestMethod]
    public void UnpairedSurrogatesAreDroppedLikeTheReplacementCharacter()
    {
        CollectionAssert.AreEqual(new[] { "ab" }, Tokens("a\uD800b"));
        CollectionAssert.AreEqual(new[] { "ab" }, Tokens("a\uDC00b"));
    }

    private static string[] Tokens(string text) => TextTestData.Tokens(s_tokenizer, text);
}
