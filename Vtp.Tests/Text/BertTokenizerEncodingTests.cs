using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>Batches: [CLS]/[SEP] layout, token types, padding to the longest row, attention masks and truncation.</summary>
[TestClass]
public sealed class BertTokenizerEncodingTests
{
    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;
    private static readonly BertSpecialTokens s_special = s_tokenizer.SpecialTokens;

    [TestMethod]
    public void SpecialTokenIdsAreLookedUpInTheVocabulary()
    {
        Assert.AreEqual(new BertSpecialTokens(Pad: 0, Unknown: 100, Classifier: 101, Separator: 102, Mask: 103), s_special);
    }

    [TestMethod]
    public void RowsArePaddedToTheLongestWithMaskZeroAndPadIds()
    {
        TokenizedBatch batch = s_tokenizer.Encode(["a man", "a dog runs fast"]);

        Assert.AreEqual(2, batch.BatchSize);
        Assert.AreEqual(6, batch.Length);
        long cls = s_special.Classifier, sep = s_special.Separator, pad = s_special.Pad;
        CollectionAssert.AreEqual(
            new[] { cls, Id("a"), Id("man"), sep, pad, pad, cls, Id("a"), Id("dog"), Id("runs"), Id("fast"), sep },
            batch.InputIds);
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1 }, batch.AttentionMask);
        CollectionAssert.AreEqual(new long[12], batch.TokenTypeIds);
        CollectionAssert.AreEqual(new[] { cls, Id("a"), Id("man"), sep, pad, pad }, batch.InputIdsRow(0).ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 1, 1, 1 }, batch.AttentionMaskRow(1).ToArray());
    }

    [TestMethod]
    public void PairsGetTypeOneFromTheSecondSegmentThroughItsSeparator()
    {
        TokenizedBatch batch = s_tokenizer.Encode(["a man", "dog"], ["runs", "a dog runs"]);

        long cls = s_special.Classifier, sep = s_special.Separator, pad = s_special.Pad;
        CollectionAssert.AreEqual(
            new[]
            {
                cls, Id("a"), Id("man"), sep, Id("runs"), sep, pad,
                cls, Id("dog"), sep, Id("a"), Id("dog"), Id("runs"), sep,
            },
            batch.InputIds);
        CollectionAssert.AreEqual(new long[] { 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1 }, batch.TokenTypeIds);
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1 }, batch.AttentionMask);
    }

    [TestMethod]
    public void SingleCaptionsKeepTheirStartWithinMaxLength()
    {
        TokenizedBatch batch = s_tokenizer.Encode(["one two three four five"], maxLength: 4);
        CollectionAssert.AreEqual(new[] { (long)s_special.Classifier, Id("one"), Id("two"), s_special.Separator }, batch.InputIds);

        TokenizedBatch exact = s_tokenizer.Encode(["one two"], maxLength: 4);
        Assert.AreEqual(4, exact.Length);
        TokenizedBatch bare = s_tokenizer.Encode(["one two"], maxLength: 2);
        CollectionAssert.AreEqual(new long[] { s_special.Classifier, s_special.Separator }, bare.InputIds);
    }

    [TestMethod]
    public void TheDefaultMaxLengthIsTheModelsFiveHundredTwelve()
    {
        string longCaption = string.Join(' ', Enumerable.Repeat("dog", 600));
        TokenizedBatch batch = s_tokenizer.Encode([longCaption, "a man"]);

        Assert.AreEqual(BertTokenizer.DefaultMaxLength, batch.Length);
        Assert.AreEqual(512, batch.Length);
        Assert.AreEqual(s_special.Separator, batch.InputIdsRow(0)[511]);
        Assert.AreEqual(Id("dog"), batch.InputIdsRow(0)[510]);
    }

    /// <summary>
    /// Worked cases of the longest_first rule with budget = maxLength - 3. The shorter segment stays whole and the
    /// longer takes the rest, unless that leaves the longer one shorter than the shorter one: then the budget is
    /// halved and the longer segment gets the odd token.
    /// </summary>
    [TestMethod]
    [DataRow(3, 10, 11, 3, 5, DisplayName = "short first stays whole, budget 8")]
    [DataRow(10, 3, 11, 5, 3, DisplayName = "short second stays whole, budget 8")]
    [DataRow(6, 5, 5, 1, 1, DisplayName = "both longer than budget 2: one each")]
    [DataRow(6, 5, 7, 2, 2, DisplayName = "budget 4 halved")]
    [DataRow(5, 6, 10, 3, 4, DisplayName = "budget 7 halved, odd token to the longer second")]
    [DataRow(6, 5, 10, 4, 3, DisplayName = "budget 7 halved, odd token to the longer first")]
    [DataRow(2, 6, 7, 2, 2, DisplayName = "budget 4: short first whole, second gets 2")]
    [DataRow(4, 4, 3, 0, 0, DisplayName = "budget 0: only the special tokens")]
    [DataRow(2, 3, 8, 2, 3, DisplayName = "fits: nothing cut")]
    public void PairsAreTruncatedLongestFirst(int firstWords, int secondWords, int maxLength, int keptFirst, int keptSecond)
    {
        string first = string.Join(' ', Enumerable.Repeat("dog", firstWords));
        string second = string.Join(' ', Enumerable.Repeat("man", secondWords));

        long[] ids = s_tokenizer.Encode([first], [second], maxLength).InputIds;

        long[] expected =
        [
            s_special.Classifier, .. Enumerable.Repeat(Id("dog"), keptFirst), s_special.Separator,
            .. Enumerable.Repeat(Id("man"), keptSecond), s_special.Separator,
        ];
        CollectionAssert.AreEqual(expected, ids);
    }

    [TestMethod]
    public void MaxLengthMustLeaveRoomForTheSpecialTokens()
    {
        var single = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_tokenizer.Encode(["a"], maxLength: 1));
        StringAssert.Contains(single.Message, "at least 2");
        var pair = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_tokenizer.Encode(["a"], ["b"], maxLength: 2));
        StringAssert.Contains(pair.Message, "at least 3");
    }

    [TestMethod]
    public void PairListsMustHaveTheSameLength()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => s_tokenizer.Encode(["a", "b"], ["c"]));
        StringAssert.Contains(error.Message, "2 first segments but 1 second");
    }

    [TestMethod]
    public void ANullCaptionIsRejectedWithItsRow()
    {
        var single = Assert.ThrowsExactly<ArgumentException>(() => s_tokenizer.Encode(["a", null!]));
        StringAssert.Contains(single.Message, "Row 1 of texts is null");
        var pair = Assert.ThrowsExactly<ArgumentException>(() => s_tokenizer.Encode(["a"], [null!]));
        StringAssert.Contains(pair.Message, "Row 0 of pairs is null");
    }

    [TestMethod]
    public void AnEmptyBatchHasNoRows()
    {
        TokenizedBatch batch = s_tokenizer.Encode(Array.Empty<string>());
        Assert.AreEqual(0, batch.BatchSize);
        Assert.AreEqual(0, batch.Length);
        Assert.AreEqual(0, batch.InputIds.Length);
    }

    [TestMethod]
    public void CharacterMemoryInputGivesTheSameBatchAsStrings()
    {
        string[] captions = ["A man, riding a horse!", "東京 at night", ""];
        TokenizedBatch fromStrings = s_tokenizer.Encode(captions);
        TokenizedBatch fromMemory = s_tokenizer.Encode(captions.Select(c => ("<" + c + ">").AsMemory(1, c.Length)).ToArray());

        CollectionAssert.AreEqual(fromStrings.InputIds, fromMemory.InputIds);
        CollectionAssert.AreEqual(fromStrings.AttentionMask, fromMemory.AttentionMask);
        Assert.AreEqual(fromStrings.Length, fromMemory.Length);
    }

    [TestMethod]
    public void TheBatchRecordRejectsArraysOfTheWrongSize()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new TokenizedBatch(new long[6], new long[6], new long[5], 2, 3));
        StringAssert.Contains(error.Message, "tokenTypeIds has 5 entries; expected batch size 2 x length 3 = 6");
    }

    private static long Id(string token) => s_tokenizer.Vocabulary.GetId(token);
}
