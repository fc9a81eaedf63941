using System.Security.Cryptography;
using System.Text;
using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>Loading, saving and checking vocabularies, and the embedded bert-base-uncased one.</summary>
[TestClass]
public sealed class WordPieceVocabularyTests
{
    private const string EmbeddedVocabularyMd5 = "64800d5d8528ce344256daf115d4965e";

    [TestMethod]
    public void TheEmbeddedVocabularyIsTheAttributedFile()
    {
        using Stream resource = typeof(WordPieceVocabulary).Assembly.GetManifestResourceStream("Vtp.Text.Resources.bert-base-uncased-vocab.txt")!;
        Assert.IsNotNull(resource);
        Assert.AreEqual(EmbeddedVocabularyMd5, Convert.ToHexStringLower(MD5.HashData(resource)));
    }

    [TestMethod]
    public void SavingTheLoadedVocabularyReproducesTheFileByteForByte()
    {
        WordPieceVocabulary vocabulary = WordPieceVocabulary.BertBaseUncased;
        Assert.AreEqual(30522, vocabulary.Count);
        Assert.AreEqual("[PAD]", vocabulary.GetToken(0));
        Assert.AreEqual("[UNK]", vocabulary.GetToken(100));
        Assert.AreEqual(100, vocabulary.UnknownId);

        using var saved = new MemoryStream();
        vocabulary.Save(saved);
        Assert.AreEqual(EmbeddedVocabularyMd5, Convert.ToHexStringLower(MD5.HashData(saved.ToArray())));
    }

    [TestMethod]
    public void LoadsAFileWithWindowsLineEndingsAndAByteOrderMark()
    {
        string path = Path.Combine(Path.GetTempPath(), $"vtp-vocab-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "[PAD]\r\n[UNK]\r\nhello\r\n##s\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            WordPieceVocabulary vocabulary = WordPieceVocabulary.Load(path);

            CollectionAssert.AreEqual(new[] { "[PAD]", "[UNK]", "hello", "##s" }, vocabulary.Tokens.ToArray());
            Assert.AreEqual(3, vocabulary.GetId("##s"));
            Assert.AreEqual(path, vocabulary.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void SaveThenLoadKeepsEveryTokenAndId()
    {
        WordPieceVocabulary original = WordPieceVocabulary.FromTokens(["[UNK]", "ünï", "東", "##😀", "a"]);
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;

        WordPieceVocabulary loaded = WordPieceVocabulary.Load(stream);

        CollectionAssert.AreEqual(original.Tokens.ToArray(), loaded.Tokens.ToArray());
    }

    [TestMethod]
    [DataRow("", "Vocabulary 'test.txt' is empty", DisplayName = "empty file")]
    [DataRow("[UNK]\nhello\nworld\nhello\n", "line 4: token 'hello' is a duplicate of line 2", DisplayName = "duplicate")]
    [DataRow("hello\nworld\n", "has no '[UNK]' token (2 tokens read)", DisplayName = "missing [UNK]")]
    [DataRow("[UNK]\n\nworld\n", "line 2 is empty", DisplayName = "empty line")]
    [DataRow("[UNK]\nnew york\n", "line 2: token 'new york' contains whitespace U+0020", DisplayName = "whitespace in a token")]
    public void BadFilesAreRejectedWithTheLineAndTheProblem(string content, string expectedMessage)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var error = Assert.ThrowsExactly<InvalidDataException>(() => WordPieceVocabulary.Load(stream, "test.txt"));
        StringAssert.Contains(error.Message, expectedMessage);
        StringAssert.Contains(error.Message, "test.txt");
    }

    [TestMethod]
    public void UnknownTokensAndIdsAreNamedInTheError()
    {
        WordPieceVocabulary vocabulary = WordPieceVocabulary.FromTokens(["[UNK]", "a"], "tiny");
        var missing = Assert.ThrowsExactly<KeyNotFoundException>(() => vocabulary.GetId("b"));
        StringAssert.Contains(missing.Message, "Token 'b' is not in vocabulary 'tiny' (2 tokens)");
        var outside = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => vocabulary.GetToken(2));
        StringAssert.Contains(outside.Message, "Token id 2 is outside vocabulary 'tiny' (ids 0..1)");
        Assert.IsTrue(vocabulary.TryGetId("a", out int id));
        Assert.AreEqual(1, id);
        Assert.IsFalse(vocabulary.TryGetId("b", out _));
    }

    [TestMethod]
    public void ATokenizerNeedsAllFiveSpecialTokens()
    {
        WordPieceVocabulary noMask = WordPieceVocabulary.FromTokens(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a"], "no-mask");
        var error = Assert.ThrowsExactly<ArgumentException>(() => new BertTokenizer(noMask));
        StringAssert.Contains(error.Message, "Vocabulary 'no-mask' has no special token '[MASK]'");
    }

    [TestMethod]
    public void ASmallVocabularyWithDifferentIdsTokenizesWithItsOwnIds()
    {
        var tokenizer = new BertTokenizer(WordPieceVocabulary.FromTokens(["un", "[MASK]", "##able", "[SEP]", "[CLS]", "[UNK]", "[PAD]", "##aff"]));

        TokenizedBatch batch = tokenizer.Encode(["Unaffable unknown", "[MASK]"]);

        CollectionAssert.AreEqual(new long[] { 4, 0, 7, 2, 5, 3, 4, 1, 3, 6, 6 }, batch.InputIds[..11]);
        Assert.AreEqual(6, batch.Length);
        Assert.AreEqual(new BertSpecialTokens(Pad: 6, Unknown: 5, Classifier: 4, Separator: 3, Mask: 1), tokenizer.SpecialTokens);
    }
}
