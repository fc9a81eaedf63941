using Vtp.Text;

namespace Vtp.Tests.Text;

/// <summary>SimVTP's MLM masking: which tokens may be masked, the masked fraction, labels, determinism and purity.</summary>
[TestClass]
public sealed class MlmTokenMaskerTests
{
    private static readonly BertTokenizer s_tokenizer = BertTokenizer.BertBaseUncased;
    private static readonly BertSpecialTokens s_special = s_tokenizer.SpecialTokens;

    /// <summary>
    /// 1000 captions of 3 to 22 words, some with [UNK]/[MASK] written in, padded: about 12,500 eligible tokens.
    /// </summary>
    private static readonly TokenizedBatch s_batch = s_tokenizer.Encode(BuildCaptions());

    [TestMethod]
    public void PerRowSources_GiveEachCaptionTheMaskItGetsAloneWhateverThePadding()
    {
        var masker = new MlmTokenMasker(s_special);
        string[] captions = ["a small red square moves up", "a circle", "three large blue triangles spin slowly to the left"];
        var together = masker.Mask(s_tokenizer.Encode(captions), [new Random(1), new Random(2), new Random(3)]);
        for (int row = 0; row < captions.Length; row++)
        {
            var alone = masker.Mask(s_tokenizer.Encode([captions[row]]), new Random(row + 1));
            var length = alone.Length;                                                      // the rest of the row is padding
            CollectionAssert.AreEqual(alone.InputIds, together.InputIds.AsSpan(row * together.Length, length).ToArray(), $"row {row}");
            CollectionAssert.AreEqual(alone.Labels, together.Labels.AsSpan(row * together.Length, length).ToArray(), $"row {row}");
        }
        Assert.Throws<ArgumentException>(() => masker.Mask(s_tokenizer.Encode(captions), [new Random(1)]));
    }

    [TestMethod]
    [DataRow(0.75)]
    [DataRow(0.15)]
    public void TheMaskedFractionOfEligibleTokensIsTheProbabilityWithinBinomialNoise(double probability)
    {
        MlmMaskedBatch masked = new MlmTokenMasker(s_special, probability).Mask(s_batch, new Random(1234));

        int eligible = CountEligible(s_batch);
        double fraction = (double)masked.MaskedCount / eligible;
        // 5 standard deviations of a binomial proportion: a false failure has odds of about 1 in 1.7 million.
        double tolerance = 5 * Math.Sqrt(probability * (1 - probability) / eligible);
        Assert.IsTrue(eligible > 10_000, $"{eligible} eligible tokens");
        Assert.IsTrue(Math.Abs(fraction - probability) < tolerance, $"masked {fraction:F4} of {eligible}, expected {probability} ± {tolerance:F4}");
    }

    [TestMethod]
    public void LabelsHoldTheOriginalIdExactlyWhereMaskIsWrittenAndMinusHundredElsewhere()
    {
        MlmMaskedBatch masked = new MlmTokenMasker(s_special).Mask(s_batch, new Random(7));

        int selected = 0;
        for (int i = 0; i < s_batch.InputIds.Length; i++)
        {
            long original = s_batch.InputIds[i];
            bool eligible = s_batch.AttentionMask[i] == 1 && !s_special.IsSpecial(original);
            if (masked.Labels[i] != MlmTokenMasker.IgnoreLabel)
            {
                selected++;
                Assert.IsTrue(eligible, $"position {i} (id {original}, mask {s_batch.AttentionMask[i]}) must never be selected");
                Assert.AreEqual(original, masked.Labels[i], $"label at {i}");
                Assert.AreEqual(s_special.Mask, masked.InputIds[i], $"id at {i}");
            }
            else
            {
                Assert.AreEqual(original, masked.InputIds[i], $"unselected id at {i}");
            }
        }

        Assert.AreEqual(selected, masked.MaskedCount);
        Assert.AreEqual(s_batch.BatchSize, masked.BatchSize);
        Assert.AreEqual(s_batch.Length, masked.Length);
    }

    [TestMethod]
    public void ProbabilityOneMasksEveryEligibleTokenAndZeroMasksNone()
    {
        MlmMaskedBatch all = new MlmTokenMasker(s_special, 1).Mask(s_batch, new Random(3));
        Assert.AreEqual(CountEligible(s_batch), all.MaskedCount);

        MlmMaskedBatch none = new MlmTokenMasker(s_special, 0).Mask(s_batch, new Random(3));
        Assert.AreEqual(0, none.MaskedCount);
        CollectionAssert.AreEqual(s_batch.InputIds, none.InputIds);
        Assert.IsTrue(none.Labels.All(label => label == MlmTokenMasker.IgnoreLabel));
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameMaskAndAnotherSeedAnother()
    {
        var masker = new MlmTokenMasker(s_special);
        MlmMaskedBatch first = masker.Mask(s_batch, new Random(42));
        MlmMaskedBatch again = masker.Mask(s_batch, new Random(42));
        MlmMaskedBatch other = masker.Mask(s_batch, new Random(43));

        CollectionAssert.AreEqual(first.InputIds, again.InputIds);
        CollectionAssert.AreEqual(first.Labels, again.Labels);
        CollectionAssert.AreNotEqual(first.Labels, other.Labels);
    }

    [TestMethod]
    public void TheCallersArraysAreNotChanged()
    {
        long[] idsBefore = [.. s_batch.InputIds];
        long[] maskBefore = [.. s_batch.AttentionMask];

        MlmMaskedBatch masked = new MlmTokenMasker(s_special).Mask(s_batch, new Random(5));

        CollectionAssert.AreEqual(idsBefore, s_batch.InputIds);
        CollectionAssert.AreEqual(maskBefore, s_batch.AttentionMask);
        Assert.AreNotSame(s_batch.InputIds, masked.InputIds);
        Assert.IsTrue(masked.MaskedCount > 0);
    }

    [TestMethod]
    public void ARowWithNothingEligibleKeepsNoTarget()
    {
        // Row 0 is only [CLS] [UNK] [MASK] [SEP] + padding: no MLM target, as in SimVTP.
        TokenizedBatch batch = s_tokenizer.Encode(["[UNK] [MASK]", "a man is riding a horse"]);
        MlmMaskedBatch masked = new MlmTokenMasker(s_special, 1).Mask(batch, new Random(9));

        Assert.IsTrue(masked.Labels.AsSpan(0, batch.Length).ToArray().All(label => label == MlmTokenMasker.IgnoreLabel));
        CollectionAssert.AreEqual(batch.InputIdsRow(0).ToArray(), masked.InputIds.AsSpan(0, batch.Length).ToArray());
        Assert.AreEqual(6, masked.MaskedCount, "every word of row 1");
    }

    [TestMethod]
    public void BadArgumentsAreRejected()
    {
        foreach (double probability in new[] { -0.1, 1.5, double.NaN })
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MlmTokenMasker(s_special, probability));
            StringAssert.Contains(error.Message, "must be in [0, 1]");
        }

        var size = Assert.ThrowsExactly<ArgumentException>(() => new MlmTokenMasker(s_special).Mask(new long[6], new long[5], 2, 3, new Random(1)));
        StringAssert.Contains(size.Message, "Expected batch size 2 x length 3 = 6 ids and mask entries; got 6 ids and 5 mask entries");
    }

    [TestMethod]
    public void TheDefaultsAreSimVtps()
    {
        Assert.AreEqual(0.75, new MlmTokenMasker(s_special).Probability);
    }

    private static int CountEligible(TokenizedBatch batch) =>
        batch.InputIds.Where((id, i) => batch.AttentionMask[i] == 1 && !s_special.IsSpecial(id)).Count();

    private static string[] BuildCaptions()
    {
        string[] words = ["man", "woman", "dog", "rides", "a", "horse", "beach", "street", "red", "car", "[UNK]", "[MASK]", "runs", "fast"];
        var random = new Random(2024);
        return [.. Enumerable.Range(0, 1000).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(3, 23)).Select(_ => words[random.Next(words.Length)])))];
    }
}
