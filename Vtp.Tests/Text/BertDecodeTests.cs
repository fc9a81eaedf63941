using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>Ids back to text: special tokens, ## pieces, the punctuation clean-up and round trips.</summary>
[TestClass]
public sealed class BertDecodeTests
{
    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;
    private static readonly BertSpecialTokens s_special = s_tokenizer.SpecialTokens;

    [TestMethod]
    public void SpecialTokensAndPaddingAreSkippedByDefault()
    {
        long[] ids = [s_special.Classifier, Id("a"), s_special.Unknown, Id("man"), s_special.Mask, s_special.Separator, s_special.Pad];
        Assert.AreEqual("a man", s_tokenizer.Decode(ids));
        Assert.AreEqual("[CLS] a [UNK] man [MASK] [SEP] [PAD]", s_tokenizer.Decode(ids, skipSpecialTokens: false));
    }

    [TestMethod]
    public void ContinuationPiecesJoinThePieceBefore()
    {
        Assert.AreEqual("huggingface", s_tokenizer.Decode([Id("hugging"), Id("##face")]));
        // A leading continuation piece has nothing to join and keeps its prefix.
        Assert.AreEqual("##face hugging", s_tokenizer.Decode([Id("##face"), Id("hugging")]));
    }

    [TestMethod]
    public void PeriodCommaQuestionAndExclamationMarksLoseTheirSpaceButOtherPunctuationKeepsIt()
    {
        long[] ids = [Id("hello"), Id(","), Id("world"), Id("!"), Id("it"), Id("'"), Id("s"), Id("ok"), Id("?"), Id("-"), Id("."), Id(";")];
        Assert.AreEqual("hello, world! it ' s ok? -. ;", s_tokenizer.Decode(ids));
    }

    [TestMethod]
    public void IdsOutsideTheVocabularyAreRejected()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_tokenizer.Decode([Id("a"), 30522]));
        StringAssert.Contains(error.Message, "Token id 30522 is outside vocabulary");
        StringAssert.Contains(error.Message, "0..30521");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_tokenizer.Decode([-1]));
    }

    [TestMethod]
    [DataRow("A man is riding a horse, then he waves!", "a man is riding a horse, then he waves!")]
    [DataRow("  Two   dogs\tplay in the SNOW. ", "two dogs play in the snow.")]
    [DataRow("Crème brûlée at the café?", "creme brulee at the cafe?")]
    [DataRow("北京 skyline", "北 京 skyline")]
    public void DecodingAnEncodedCaptionGivesItsNormalisedText(string caption, string expected)
    {
        TokenizedBatch batch = s_tokenizer.Encode([caption, "a much longer caption that forces padding on the first row"]);
        Assert.AreEqual(expected, s_tokenizer.Decode(batch.InputIdsRow(0)));
    }

    private static long Id(string token) => s_tokenizer.Vocabulary.GetId(token);
}
