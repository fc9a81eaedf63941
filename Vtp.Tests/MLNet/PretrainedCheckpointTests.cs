// Fine-tuning from an official-format checkpoint (PretrainedWeights.FromCheckpoint): a torch.save .pth written by the
// PyTorch reference goes into both towers with the official mapping, and the model tokenizes with BERT's vocabulary.
using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Tests.Modeling;
using Vtp.Tests.Support;
using Vtp.Text;
using static TorchSharp.torch;

namespace Vtp.Tests.MLNet;

[TestClass]
public sealed class PretrainedCheckpointTests
{
    [TestMethod]
    public void FineTuning_FromATorchSaveCheckpoint_StartsFromItsWeights()
    {
        using var scope = NewDisposeScope();
        using var dump = new ReferenceDump("mlnet-pth").Init("tiny", seed: 4, batch: 2, textLength: 5);
        var path = dump.PathOf("simvtp.pth");
        ReferencePython.Script("pth_fixtures.py", "checkpoint", "--dir", dump.Directory, "--out", path, "--layout", "training");
        var context = new MLContext(1);
        var options = DemoSet.Tiny(new SimVtpFineTuneEstimator.Options { Pretrained = PretrainedWeights.FromCheckpoint(path, SimVtpConfig.Tiny) }, maxSteps: 1);
        options.Config = null;
        (options.BaseLearningRate, options.BaseMinLearningRate, options.WeightDecay) = (1e-9, 0, 0);   // one step that barely moves the weights

        using var model = context.Vtp().FineTune(options).Fit(context.Data.LoadFromEnumerable(DemoSet.Train.Take(8)));

        var pretrained = dump.Read("weights.safetensors");
        var towers = model.Model.Encoder.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        foreach (var (ours, theirs) in new[] { ("blocks.1.attn.qkv.weight", "encoder.blocks.1.attn.qkv.weight"),
                     ("text_embeddings.word_embeddings.weight", "text_embeddings.word_embeddings.weight") })
            foreach (var tower in new[] { "video_encoder", "text_encoder" })
                TorchAssert.Close(pretrained[theirs], towers[$"{tower}.{ours}"], atol: 1e-6, rtol: 0, what: $"{tower}.{ours}");
        Assert.AreSame(BertTokenizer.BertBaseUncased, model.Model.Tokenizer);
    }
}
