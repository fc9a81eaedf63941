using System.CommandLine;
using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Samples.Cli;

namespace Vtp.Samples.Commands;

/// <summary>The --model option of the commands that use a fine-tuned model, and the batch options of embedding.</summary>
internal sealed class ModelInputs
{
    private readonly Option<string> model = new("--model") { Description = "Fine-tuned model package (from 'vtp finetune' or the demo)", Required = true };
    private readonly OptionBinder<SimVtpEmbeddingEstimator.Options> binder = new(new SimVtpEmbeddingEstimator.Options());

    public ModelInputs()
    {
        binder.Add("--batch-size", "Clips or captions embedded together", o => o.BatchSize, (o, v) => o.BatchSize = v);
        binder.Add("--decode-workers", "Video decoding threads, one ffmpeg each", o => o.DecodeWorkers, (o, v) => o.DecodeWorkers = v);
    }

    /// <summary>Adds --model and the batch options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(model);
        binder.AddTo(command);
    }

    /// <summary>The package path given with --model.</summary>
    public string PackagePath(ParseResult parse) => parse.GetValue(model)!;

    /// <summary>Loads the model package named by --model (checked entry by entry).</summary>
    public SimVtpRetrievalModel Load(ParseResult parse, MLContext context)
    {
        var path = PackagePath(parse);
        return File.Exists(path) ? SimVtpRetrievalModel.Load(context, path) : throw CliException.MissingFile(path, "Model package");
    }

    /// <summary>The embedding options given on the command line.</summary>
    public SimVtpEmbeddingEstimator.Options EmbeddingOptions(ParseResult parse) => binder.Apply(parse, new SimVtpEmbeddingEstimator.Options());
}
