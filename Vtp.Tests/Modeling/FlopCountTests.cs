// SimVtpFlops: the analytic FLOP count against a hand count and against the products the PyTorch reference runs.
using System.Text.Json;
using Vtp.Modeling;

namespace Vtp.Tests.Modeling;

[TestClass]
public sealed class FlopCountTests
{
    [TestMethod]
    public void TinyStepMatchesTheHandCount()
    {
        // tiny: N = 2 x 4 x 4 = 32 tokens, N_mask = 2 x int(0.9 x 16) = 28, N_vis = 4, P = 2 x 8 x 8 x 3 = 384,
        // C_e = 64 (MLP 256, 2 blocks), C_d = 32 (MLP 128, 1 block), V = 30522; batch B = 2, text length L = 5.
        // A block over S tokens of width C: 2 S C (4C + 2H) per sequence for qkv, proj, fc1, fc2, plus 4 S^2 C for q k^T
        // and weights v; encoder: 98304 S + 256 S^2 per sequence and block.
        var flops = SimVtpFlops.PretrainStep(SimVtpConfig.Tiny, batch: 2, textLength: 5);
        Assert.AreEqual(2L * (4 * 2 * 32) * 384 * 64, flops.PatchEmbedding, "4B clips x N tokens x 2 P C_e = 12,582,912");
        Assert.AreEqual(2L * 2 * (98304 * 9 + 256 * 81), flops.JointPass, "B = 2, S = 4 + 5, 2 blocks: 3,621,888");
        Assert.AreEqual(2L * 2 * (98304 * 4 + 256 * 16), flops.VideoPass, "B = 2, S = 4: 1,589,248");
        Assert.AreEqual(2L * 2 * (98304 * 5 + 256 * 25), flops.TextPass, "B = 2, S = 5: 1,991,680");
        Assert.AreEqual(2L * 4 * (98304 * 9 + 256 * 81), flops.MatchPass, "2B = 4, S = 9: 7,243,776");
        // encoder_to_decoder 2 x 8 x 64 x 32, one block over S = 32 at C = 32 (24576 S + 128 S^2), head 2 x 56 x 32 x 384
        Assert.AreEqual(32_768 + 2L * (24576 * 32 + 128 * 1024) + 1_376_256, flops.Decoder, "3,244,032");
        Assert.AreEqual(2L * 10 * 64 * 30522 + 2 * 4 * 64 * 2 + 2 * 2 * 64 * 2, flops.Heads, "MLM, VTM and VTC: 39,069,696");
        Assert.AreEqual(69_343_232L, flops.Forward);
        Assert.AreEqual(3 * 69_343_232L, flops.Step, "backward counted as twice the forward");
    }

    [TestMethod]
    public void ForwardEqualsTheProductsTheReferenceRunsAndBackwardIsTwiceItBarThePatchEmbeddingInput()
    {
        // Every size differs from every other, so a term with a swapped or missing factor cannot cancel out.
        var config = SimVtpConfig.Tiny with
        {
            NumFrames = 6, VideoMaskRatio = 0.75, EncoderDepth = 3, MlpRatio = 2.5, DecoderDepth = 2, VocabSize = 1000,
        };
        var path = Path.Combine(Path.GetTempPath(), $"vtp-flops-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, config.ToJson());
        try
        {
            var printed = ReferenceDump.RunCode(
                $"sys.argv = ['count_flops.py', '--config', {JsonSerializer.Serialize(path)}, '--batch', '3', '--text-length', '7']\n" +
                "import count_flops; count_flops.main()");
            var reference = JsonDocument.Parse(printed).RootElement;
            var flops = SimVtpFlops.PretrainStep(config, batch: 3, textLength: 7);
            Assert.AreEqual(reference.GetProperty("forward").GetInt64(), flops.Forward, $"forward products run by the reference: {printed}");
            Assert.AreEqual(reference.GetProperty("backward").GetInt64(), flops.Backward - flops.PatchEmbedding,
                "the reference's backward: two gradients per product, but no gradient for the video input");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void BatchAndTextLengthOutsideTheirRangesAreRejected()
    {
        var tooLong = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SimVtpFlops.PretrainStep(SimVtpConfig.Tiny, 2, 65));
        StringAssert.Contains(tooLong.Message, "max_position_embeddings 64");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SimVtpFlops.PretrainStep(SimVtpConfig.Tiny, 0, 5));
    }
}
