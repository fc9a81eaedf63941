using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>Learning a WordPiece vocabulary from captions: contents, the merge order of the likelihood score, round trips.</summary>
[TestClass]
public sealed class WordPieceVocabularyBuilderTests
{
    private static readonly string[] s_captions =
    [
        "A man is riding a horse on the beach, then he waves!",
        "Two dogs are playing in the snow.",
        "A woman is cooking pasta in a small kitchen?",
        "Crème brûlée at the Café Zürich.",
        "Children playing football; the ball rolls away.",
        "A man rides a bicycle down a busy street [MASK] at night.",
        "東京 at night: traffic and neon signs.",
    ];

    [TestMethod]
    public void StartsWithTheSpecialTokensThenEveryCharacterInBothPositions()
    {
        WordPieceVocabulary vocabulary = WordPieceVocabularyBuilder.Build(["ab ba", "b"], targetSize: 9);

        // Words ab, ba, b: starts a, b; continuations ##a, ##b. Sorted ordinally after the specials.
        CollectionAssert.AreEqual(new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "##a", "##b", "a", "b" }, vocabulary.Tokens.ToArray());
    }

    [TestMethod]
    public void MergesTheHighestLikelihoodPairFirstNotTheMostFrequent()
    {
        // Words: "ab" x3, "cd" x1. Symbol counts a=3, ##b=3, c=1, ##d=1.
        // score(a,##b) = 3 / (3 x 3) = 1/3, score(c,##d) = 1 / (1 x 1) = 1: "cd" is merged before the more frequent "ab".
        string[] corpus = ["ab ab ab cd"];
        WordPieceVocabulary oneMerge = WordPieceVocabularyBuilder.Build(corpus, targetSize: 10);
        WordPieceVocabulary twoMerges = WordPieceVocabularyBuilder.Build(corpus, targetSize: 11);

        Assert.AreEqual("cd", oneMerge.Tokens[^1]);
        CollectionAssert.AreEqual(new[] { "cd", "ab" }, twoMerges.Tokens.Skip(9).ToArray());
    }

    [TestMethod]
    public void ContinuationMergesKeepTheirPrefix()
    {
        // Words: "abc" x2. Pairs (a,##b) and (##b,##c) tie on score 2/(2x2) and count; the lower symbol ids win:
        // the symbols are numbered in alphabet order ##b=0, ##c=1, a=2, so (##b,##c) -> "##bc" goes first, then a + ##bc -> "abc".
        WordPieceVocabulary vocabulary = WordPieceVocabularyBuilder.Build(["abc abc"], targetSize: 10);
        CollectionAssert.AreEqual(new[] { "##bc", "abc" }, vocabulary.Tokens.Skip(8).ToArray());
    }

    [TestMethod]
    public void StopsShortOfTheTargetWhenNoPairIsLeft()
    {
        WordPieceVocabulary vocabulary = WordPieceVocabularyBuilder.Build(["a b", "b"], targetSize: 100);
        CollectionAssert.AreEqual(new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b" }, vocabulary.Tokens.ToArray());
    }

    [TestMethod]
    public void ReachesTheTargetSizeOnACaptionCorpus()
    {
        WordPieceVocabulary vocabulary = WordPieceVocabularyBuilder.Build(s_captions, targetSize: 150);
        Assert.AreEqual(150, vocabulary.Count);
        Assert.AreEqual(vocabulary.Count, vocabulary.Tokens.Distinct().Count());
    }

    [TestMethod]
    [DataRow(90)]
    [DataRow(150)]
    [DataRow(400)]
    public void TokenizingTheCorpusWithTheLearnedVocabularyDecodesToItsNormalisedText(int targetSize)
    {
        var tokenizer = new BertTokenizer(WordPieceVocabularyBuilder.Build(s_captions, targetSize));
        string[] expected =
        [
            "a man is riding a horse on the beach, then he waves!",
            "two dogs are playing in the snow.",
            "a woman is cooking pasta in a small kitchen?",
            "creme brulee at the cafe zurich.",
            "children playing football ; the ball rolls away.",
            "a man rides a bicycle down a busy street at night.",
            "東 京 at night : traffic and neon signs.",
        ];

        TokenizedBatch batch = tokenizer.Encode(s_captions);

        for (int row = 0; row < s_captions.Length; row++)
        {
            CollectionAssert.DoesNotContain(batch.InputIdsRow(row).ToArray(), (long)tokenizer.SpecialTokens.Unknown, s_captions[row]);
            Assert.AreEqual(expected[row], tokenizer.Decode(batch.InputIdsRow(row)), $"target size {targetSize}");
        }
    }

    [TestMethod]
    public void SaveAndLoadGiveTheSameTokenization()
    {
        WordPieceVocabulary learned = WordPieceVocabularyBuilder.Build(s_captions, targetSize: 120);
        using var stream = new MemoryStream();
        learned.Save(stream);
        stream.Position = 0;
        WordPieceVocabulary loaded = WordPieceVocabulary.Load(stream, "saved");

        CollectionAssert.AreEqual(
            new BertTokenizer(learned).Encode(s_captions).InputIds,
            new BertTokenizer(loaded).Encode(s_captions).InputIds);
    }

    [TestMethod]
    public void ATargetBelowSpecialsPlusCharactersIsRejected()
    {
        // "ab": characters a and ##b, so at least 5 + 2 = 7 tokens.
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WordPieceVocabularyBuilder.Build(["ab"], targetSize: 6));
        StringAssert.Contains(error.Message, "Target vocabulary size 6 is below the 5 special tokens plus the corpus's 2 character tokens; expected at least 7");
    }

    [TestMethod]
    public void WordsOverAHundredCodePointsAreLeftOut()
    {
        WordPieceVocabulary vocabulary = WordPieceVocabularyBuilder.Build([new string('x', 101) + " ok"], targetSize: 20);
        CollectionAssert.DoesNotContain(vocabulary.Tokens.ToArray(), "x");
        CollectionAssert.DoesNotContain(vocabulary.Tokens.ToArray(), "##x");
        CollectionAssert.Contains(vocabulary.Tokens.ToArray(), "ok");
    }
}
