using System.CommandLine;
using Microsoft.ML;
using Spectre.Console;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Text;

namespace Vtp.Samples.Commands;

/// <summary><c>vtp tokenize</c>: the WordPiece tokens and ids a model sees for a text.</summary>
internal static class TokenizeCommand
{
    /// <summary>One tokenized text.</summary>
    public sealed record Tokenized(string Text, IReadOnlyList<string> Tokens, IReadOnlyList<long> Ids);

    public static Command Create(CommandRunner runner)
    {
        var texts = new Argument<string[]>("texts") { Description = "Texts to tokenize (quote each one)", Arity = ArgumentArity.OneOrMore };
        var vocab = new Option<string?>("--vocab") { Description = "A vocab.txt (one token per line); default: bert-base-uncased" };
        var model = new Option<string?>("--model") { Description = "Use the vocabulary of this model package (from 'vtp finetune' or the demo)" };
        var maxLength = new Option<int>("--max-length")
        {
            Description = "Longest encoding in tokens, [CLS] and [SEP] included", DefaultValueFactory = _ => BertTokenizer.DefaultMaxLength,
        };
        var command = new Command("tokenize", "Print the WordPiece tokens and ids of texts, as the model's text encoder receives them") { texts, vocab, model, maxLength };
        runner.Handle(command, (parse, io) =>
        {
            var tokenizer = Tokenizer(parse.GetValue(vocab), parse.GetValue(model));
            var length = parse.GetValue(maxLength);
            var results = parse.GetValue(texts)!.Select(text => Tokenize(tokenizer, text, length)).ToList();
            return io.Result(results, () => Print(io, results));
        },
            "vtp tokenize \"a red circle moves left quickly\"",
            "vtp tokenize \"a small blue square\" --model demo/output/model.zip --json");
        return command;
    }

    private static BertTokenizer Tokenizer(string? vocabPath, string? modelPath)
    {
        if (vocabPath is not null && modelPath is not null)
            throw new CliException(ExitCodes.Usage, "Give either --vocab or --model, not both.", "Run 'vtp tokenize --help'.");
        if (vocabPath is not null)
            return File.Exists(vocabPath) ? new BertTokenizer(WordPieceVocabulary.Load(vocabPath)) : throw CliException.MissingFile(vocabPath, "Vocabulary");
        if (modelPath is null) return BertTokenizer.BertBaseUncased;
        if (!File.Exists(modelPath)) throw CliException.MissingFile(modelPath, "Model package");
        using var model = SimVtpRetrievalModel.Load(new MLContext(), modelPath);
        return model.Tokenizer;
    }

    private static Tokenized Tokenize(BertTokenizer tokenizer, string text, int maxLength)
    {
        var ids = tokenizer.Encode([text], maxLength).InputIdsRow(0).ToArray();
        return new Tokenized(text, ids.Select(id => tokenizer.Vocabulary.GetToken(id)).ToList(), ids);
    }

    private static void Print(CommandIO io, IReadOnlyList<Tokenized> results)
    {
        foreach (var result in results)
        {
            io.Out.MarkupLineInterpolated($"[bold]{result.Text}[/] ({result.Ids.Count} tokens)");
            var table = new Table().AddColumns("token", "id");
            for (int i = 0; i < result.Ids.Count; i++) table.AddRow(Markup.Escape(result.Tokens[i]), $"{result.Ids[i]}");
            io.Out.Write(table);
        }
    }
}
