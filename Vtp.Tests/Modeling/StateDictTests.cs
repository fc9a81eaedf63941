// The parameter names and shapes of Vtp's models against the official SimVTP key list (base config).
using TorchSharp;
using Vtp.Modeling;
using static TorchSharp.torch;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class StateDictTests
{
    private static List<KeyShape> KeysOf(nn.Module model) =>
        model.state_dict().Select(kv => new KeyShape(kv.Key, kv.Value.shape)).ToList();

    private static void AssertSameKeys(List<KeyShape> expected, List<KeyShape> actual)
    {
        Assert.AreEqual(expected.Count, actual.Count, "number of state-dict entries");
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i].Key, actual[i].Key, $"key {i}");
            CollectionAssert.AreEqual(expected[i].Shape, actual[i].Shape, $"shape of {expected[i].Key}");
        }
    }

    [TestMethod]
    public void BaseWithTheClassDefaultEightDecoderBlocksHasExactlyTheOfficialKeysInOrder()
    {
        var official = OfficialKeyList.Pretrain();
        Assert.AreEqual(1 + 2 + 12 * 13 + 2 + 8 * 13 + 2 + 2 + 1 + 5 + 2 + 2, official.Count, "the list's pretraining section (12 encoder, 8 decoder blocks)");
        using var model = new SimVtpPretrainModel(SimVtpConfig.Base with { DecoderDepth = 8 });
        AssertSameKeys(official, KeysOf(model));
    }

    [TestMethod]
    public void BasePresetHasTheOfficialRunsFourDecoderBlocks()
    {
        var expected = OfficialKeyList.Pretrain()
            .Where(k => !(k.Key.StartsWith("decoder.blocks.", StringComparison.Ordinal) && int.Parse(k.Key.Split('.')[2]) >= 4)).ToList();
        using var model = new SimVtpPretrainModel(SimVtpConfig.Base);
        AssertSameKeys(expected, KeysOf(model));
        var parameters = model.parameters().Sum(p => p.NumberOfElements);
        Assert.AreEqual(141.5e6, parameters, 0.1e6, "SIMVTP.md §2.6 counts about 141.5M parameters");
    }

    [TestMethod]
    public void BaseDualEncoderHasTheOfficialFineTuningKeysInOrder()
    {
        var official = OfficialKeyList.DualEncoder();
        Assert.AreEqual(2 * (2 + 12 * 13 + 2 + 5), official.Count, "two towers: patch_embed, 12 blocks, fc_norm, text_embeddings");
        using var model = new DualEncoder(SimVtpConfig.Base);
        AssertSameKeys(official, KeysOf(model));
    }
}
