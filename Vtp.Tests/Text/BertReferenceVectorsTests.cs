using Vtp.Tests.Text.Checks;

namespace Vtp.Tests.Text;

/// <summary>
/// The tokenizer against fixtures written by the HF tokenizer itself: the published bert-base-uncased vectors,
/// random captions, and named cases (issue 13's inputs and more) run through the HF tokenizers library
/// (Data/make-hf-fixtures.js says how). The same checks run under invariant globalization in
/// <see cref="InvariantGlobalizationTests"/>.
/// </summary>
[TestClass]
public sealed class BertReferenceVectorsTests
{
    [TestMethod]
    public void EveryPublishedVectorMatchesIdsTokensTypesAndDecodedText() => HfFixtureChecks.PublishedVectors().AssertPassed(10);

    [TestMethod]
    public void RandomCaptionsMatchTheHfTokenizerWithPairsAndTruncation() => HfFixtureChecks.RandomCaptions().AssertPassed(400);

    [TestMethod]
    public void NamedCasesMatchTheHfTokenizerInIdsTokensTypesDecodedTextAndOffsets() => HfFixtureChecks.NamedCases().AssertPassed(56);
}
