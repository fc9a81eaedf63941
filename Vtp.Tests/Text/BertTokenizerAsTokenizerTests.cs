using System.Buffers;
using Microsoft.ML.Tokenizers;
using Vtp.Text;
using VtpBertTokenizer = Vtp.Text.BertTokenizer;

namespace Vtp.Tests.Text;

/// <summary>
/// Vtp's tokenizer used as a Microsoft.ML.Tokenizers <see cref="Tokenizer"/>: ids, tokens with offsets into the
/// input, counts, token budgets and decoding. Expected ids are HF's (Data/hf-named-cases.json).
/// </summary>
[TestClass]
public sealed class BertTokenizerAsTokenizerTests
{
    private const string Sentence = "UNwantéd,running";
    private static readonly Tokenizer s_tokenizer = VtpBertTokenizer.BertBaseUncased;

    [TestMethod]
    public void EncodeToIdsGivesHfsIdsWithoutClsAndSep()
    {
        int[] expected = [18162, 1010, 2770]; // unwanted , running
        CollectionAssert.AreEqual(expected, s_tokenizer.EncodeToIds(Sentence).ToArray());
        CollectionAssert.AreEqual(expected, s_tokenizer.EncodeToIds(Sentence.AsSpan()).ToArray());
    }

    [TestMethod]
    public void TokenOffsetsPointAtTheInputTextTheTokenCameFrom()
    {
        const string text = "Héllò, 東京 x[MASK]y naïve ﬁne Cafe\u0301 😀!";
        IReadOnlyList<EncodedToken> tokens = s_tokenizer.EncodeToTokens(text, out string? normalizedText);

        Assert.IsNull(normalizedText, "offsets are into the input, so no normalised text is returned");
        string[] pieces = [.. tokens.Select(t => t.Value)];
        CollectionAssert.AreEqual(new[] { "hello", ",", "東", "京", "x", "[MASK]", "y", "naive", "ﬁ", "##ne", "cafe", "[UNK]", "!" }, pieces);
        string[] sources = [.. tokens.Select(t => text[t.Offset])];
        CollectionAssert.AreEqual(new[] { "Héllò", ",", "東", "京", "x", "[MASK]", "y", "naïve", "ﬁ", "ne", "Cafe", "😀", "!" }, sources);
    }

    [TestMethod]
    public void CountTokensCountsWhatEncodingGives()
    {
        Assert.AreEqual(3, s_tokenizer.CountTokens(Sentence));
        Assert.AreEqual(4, s_tokenizer.CountTokens("unaffable dog".AsSpan()));
        Assert.AreEqual(0, s_tokenizer.CountTokens(" \t\u200B"));
    }

    [TestMethod]
    public void DecodeKeepsSpecialTokensAsThePackagesBertTokenizerDoes()
    {
        int[] ids = [101, 7592, 1010, 2088, 999, 102];
        Assert.AreEqual("[CLS] hello, world! [SEP]", s_tokenizer.Decode(ids));
        Assert.AreEqual(TextTestData.StockBertTokenizer().Decode(ids), s_tokenizer.Decode(ids));
    }

    [TestMethod]
    public void DecodingIntoASpanStopsBeforeThePieceThatDoesNotFit()
    {
        int[] ids = [7592, 2088, 999]; // "hello" " world" "!"
        char[] destination = new char[8];

        Assert.AreEqual(OperationStatus.DestinationTooSmall, s_tokenizer.Decode(ids, destination, out int idsConsumed, out int charsWritten));
        Assert.AreEqual((1, 5), (idsConsumed, charsWritten));
        Assert.AreEqual("hello", new string(destination, 0, charsWritten));

        destination = new char[12];
        Assert.AreEqual(OperationStatus.Done, s_tokenizer.Decode(ids, destination, out idsConsumed, out charsWritten));
        Assert.AreEqual("hello world!", new string(destination, 0, charsWritten));
        Assert.AreEqual(3, idsConsumed);

        Assert.AreEqual(OperationStatus.InvalidData, s_tokenizer.Decode([7592, 30522], destination, out idsConsumed, out _));
        Assert.AreEqual(1, idsConsumed);
    }

    [TestMethod]
    public void AMaximumTokenCountKeepsOrDropsAWordsPiecesTogether()
    {
        const string text = "unaffable dog"; // una ##ffa ##ble dog
        Assert.AreEqual(0, s_tokenizer.EncodeToIds(text, 2, out string? normalized, out int consumed).Count);
        Assert.AreEqual((null, 0), (normalized, consumed));

        CollectionAssert.AreEqual(new[] { 14477, 20961, 3468 }, s_tokenizer.EncodeToIds(text, 3, out _, out consumed).ToArray());
        Assert.AreEqual(9, consumed, "up to the end of 'unaffable'");

        Assert.AreEqual(4, s_tokenizer.EncodeToIds(text, 4, out _, out consumed).Count);
        Assert.AreEqual(text.Length, consumed);
    }

    [TestMethod]
    public void IndexByTokenCountCutsAtWordBoundariesFromEitherEnd()
    {
        const string text = "unaffable dog";
        Assert.AreEqual((0, 0), (s_tokenizer.GetIndexByTokenCount(text, 2, out string? normalized, out int count), count));
        Assert.IsNull(normalized);
        Assert.AreEqual((9, 3), (s_tokenizer.GetIndexByTokenCount(text, 3, out _, out count), count));
        Assert.AreEqual((10, 1), (s_tokenizer.GetIndexByTokenCountFromEnd(text, 3, out _, out count), count));
        Assert.AreEqual((0, 4), (s_tokenizer.GetIndexByTokenCountFromEnd(text, 4, out _, out count), count));
        Assert.AreEqual((9, 0), (s_tokenizer.GetIndexByTokenCountFromEnd("unaffable", 2, out _, out count), count), "none fit: the text length");
    }

    [TestMethod]
    public void WithoutNormalisationTheTextIsTakenAsItIs()
    {
        CollectionAssert.AreEqual(new[] { 7592 }, s_tokenizer.EncodeToIds("HELLO").ToArray());
        // The vocabulary is lower-case: upper-case letters match no piece.
        CollectionAssert.AreEqual(new[] { 100 }, s_tokenizer.EncodeToIds("HELLO", considerNormalization: false).ToArray());
        CollectionAssert.AreEqual(new[] { 7592 }, s_tokenizer.EncodeToIds("hello", considerNormalization: false).ToArray());
    }

    [TestMethod]
    public void WithoutPreTokenisationTheTextIsOneWord()
    {
        IReadOnlyList<EncodedToken> tokens = s_tokenizer.EncodeToTokens("hello world", out _, considerPreTokenization: false);
        Assert.AreEqual(1, tokens.Count);
        Assert.AreEqual(("[UNK]", new Range(0, 11)), (tokens[0].Value, tokens[0].Offset), "a space matches no piece");
        CollectionAssert.DoesNotContain(s_tokenizer.EncodeToIds("[MASK]", considerPreTokenization: false).ToArray(), 103);
    }
}
