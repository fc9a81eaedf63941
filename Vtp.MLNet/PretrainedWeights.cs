// Where retrieval fine-tuning takes its starting weights from.
using Vtp.IO;
using Vtp.Modeling;
using Vtp.Text;
using static TorchSharp.torch;

namespace Vtp.MLNet;

/// <summary>
/// The pretrained SimVTP model a fine-tuning starts from: a fitted <see cref="SimVtpPretrainTransformer"/>, the
/// pretraining estimator of an earlier step of the same pipeline (the transformer it fitted last), a model package,
/// or an official checkpoint. The config and vocabulary come with the weights (a checkpoint is given its config). It is
/// resolved when the fine-tuning estimator is fitted.
/// </summary>
public sealed class PretrainedWeights
{
    private readonly Func<Resolved> resolve;

    private PretrainedWeights(string description, Func<Resolved> resolve)
    {
        Description = description;
        this.resolve = resolve;
    }

    /// <summary>What the weights come from, for messages.</summary>
    public string Description { get; }

    /// <summary>The model of a fitted pretraining transformer.</summary>
    public static PretrainedWeights From(SimVtpPretrainTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new("a SimVtpPretrainTransformer", () => FromTransformer(transformer, "the SimVtpPretrainTransformer"));
    }

    /// <summary>The model the pretraining estimator fitted last: put the estimator before the fine-tuning in one pipeline.</summary>
    public static PretrainedWeights From(SimVtpPretrainEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new("the SimVtpPretrainEstimator of this pipeline", () => FromTransformer(estimator.LastTransformer ?? throw new InvalidOperationException(
            "The SimVtpPretrainEstimator that fine-tuning starts from has not been fitted: append the fine-tuning estimator after it in the " +
            "same pipeline (pretrain.Append(fineTune)), or fit it first."), "the pretraining step of this pipeline"));
    }

    /// <summary>A "pretrain" model package written by <see cref="SimVtpPretrainTransformer.Save"/>.</summary>
    public static PretrainedWeights FromPackage(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new($"the package '{path}'", () =>
        {
            var contents = ModelPackage.Read(path, PackageKind.Pretrain);
            return new Resolved(contents.Config, new BertTokenizer(contents.Vocabulary), contents.Weights, $"'{Path.GetFullPath(path)}'", contents);
        });
    }

    /// <summary>
    /// Official-named SimVTP pretraining weights (<see cref="WeightsFile.Load"/>: a PyTorch .pth written by torch.save,
    /// as the authors publish them, or safetensors) for a model of <paramref name="config"/> (the official release:
    /// <see cref="SimVtpConfig.Base"/>), tokenized with bert-base-uncased's vocabulary, as SimVTP was pretrained.
    /// </summary>
    public static PretrainedWeights FromCheckpoint(string path, SimVtpConfig config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(config);
        return new($"the checkpoint '{path}'", () =>
        {
            var contents = WeightsFile.Load(path);
            return new Resolved(config, BertTokenizer.BertBaseUncased, contents.Tensors, $"'{Path.GetFullPath(path)}'", contents);
        });
    }

    /// <summary>The weights of <paramref name="transformer"/>.</summary>
    public static implicit operator PretrainedWeights(SimVtpPretrainTransformer transformer) => From(transformer);

    /// <summary>The weights <paramref name="estimator"/> fitted last.</summary>
    public static implicit operator PretrainedWeights(SimVtpPretrainEstimator estimator) => From(estimator);

    internal Resolved Resolve() => resolve();

    private static Resolved FromTransformer(SimVtpPretrainTransformer transformer, string source) => new(transformer.Config, transformer.Tokenizer,
        transformer.Model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter), source, null);

    /// <summary>Config, tokenizer and pretraining state dict; disposing releases tensors read from a package.</summary>
    internal sealed record Resolved(SimVtpConfig Config, BertTokenizer Tokenizer, IReadOnlyDictionary<string, Tensor> Weights, string Source,
        IDisposable? Owner) : IDisposable
    {
        public void Dispose() => Owner?.Dispose();
    }
}
