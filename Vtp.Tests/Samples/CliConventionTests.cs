// Conventions every vtp command keeps: help with examples, one-line usage errors with exit code 1 and a hint, JSON
// errors with --json, stack traces only with --verbose.
using Vtp.Samples.Cli;

namespace Vtp.Tests.Samples;

[TestClass]
public sealed class CliConventionTests
{
    private static readonly string[] Commands =
        ["generate", "pretrain", "finetune", "embed", "search", "evaluate", "tokenize", "probe", "dump-forward", "info"];

    [TestMethod]
    public void RootHelp_ListsEveryCommandAndTheDemoExamples()
    {
        var help = CliRun.Of("--help").Ok();

        foreach (var command in Commands) Assert.Contains($"  {command}", help.Stdout);
        Assert.Contains("Examples:", help.Stdout);
        Assert.Contains("--quick", help.Stdout);
    }

    [TestMethod]
    public void EveryCommandHelp_HasExamplesThatNameTheCommand()
    {
        foreach (var command in Commands)
        {
            var help = CliRun.Of(command, "--help").Ok();
            var examples = help.Stdout[help.Stdout.IndexOf("Examples:", StringComparison.Ordinal)..];
            Assert.Contains($"vtp {command}", examples, $"{command} --help:\n{help.Stdout}");
        }
    }

    [TestMethod]
    public void HelpShowsTheDefaultsOfTheOptionsClasses()
    {
        var pretrain = CliRun.Of("pretrain", "--help").Ok().Stdout;
        var fineTune = CliRun.Of("finetune", "--help").Ok().Stdout;

        Assert.Contains($"[default: {new Vtp.MLNet.SimVtpPretrainEstimator.Options().BatchSize}]", Line(pretrain, "--batch-size"));
        Assert.Contains($"[default: {new Vtp.MLNet.SimVtpFineTuneEstimator.Options().BatchSize}]", Line(fineTune, "--batch-size"));
        Assert.Contains($"[default: {new Vtp.Samples.Demo.DemoOptions().FineTuneEpochs}]", Line(CliRun.Of("--help").Stdout, "--finetune-epochs"));
    }

    [TestMethod]
    public void UnknownCommand_IsAUsageError()
    {
        CliRun.Of("frobnicate").Fails(ExitCodes.Usage, "'frobnicate'");
    }

    [TestMethod]
    public void MissingRequiredOption_IsAUsageErrorNamingIt()
    {
        CliRun.Of("embed", "data.csv", "--model", "m.zip", "--out", "e.npy").Fails(ExitCodes.Usage, "--kind");
    }

    [TestMethod]
    public void BadOptionValue_IsAUsageError()
    {
        CliRun.Of("tokenize", "hello", "--max-length", "many").Fails(ExitCodes.Usage, "many");
    }

    [TestMethod]
    public void JsonErrors_AreAJsonDocumentWithTheExitCode()
    {
        var run = CliRun.Of("probe", "no-such-video.mp4", "--json").Fails(ExitCodes.BadInput, "no-such-video.mp4");

        var json = run.Json();
        Assert.AreEqual(ExitCodes.BadInput, json.GetProperty("exit_code").GetInt32());
        Assert.Contains("no-such-video.mp4", json.GetProperty("error").GetString()!);
        Assert.IsFalse(string.IsNullOrWhiteSpace(json.GetProperty("hint").GetString()));
    }

    [TestMethod]
    public void Verbose_AddsTheStackTrace()
    {
        var run = CliRun.Of("embed", "no-such.csv", "--kind", "video", "--model", "m.zip", "--out", "e.npy", "--verbose");

        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("   at ", run.Stderr);
    }

    private static string Line(string text, string option) =>
        text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal)) ?? $"(no line for {option})";
}
