// What every Fit of a training estimator does around the training loop: the log channel, libtorch threads, the
// progress monitor (log lines, validation), timing and the cancellation message.
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Training;

namespace Vtp.MLNet;

/// <summary>A finished run and its validation scores.</summary>
internal sealed record HarnessResult(TrainingRun Run, IReadOnlyList<SimVtpValidationResult> Validation);

internal static class TrainingHarness
{
    /// <summary>
    /// Runs <paramref name="train"/> with a monitor that logs to channel <paramref name="channelName"/> of the context and
    /// hands the result to <paramref name="finish"/>; on any failure <paramref name="model"/> is disposed.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; a warning naming the last completed step is logged first.</exception>
    public static T Run<T>(MLContext context, string channelName, SimVtpTrainerOptions options, TrainingOptions training,
        IDisposable model, SimVtpConfig config, BertTokenizer tokenizer, int sampleCount, Func<VtpRetrievalMetrics>? validate,
        Func<IProgress<TrainingProgress>, TrainingRun> train, Func<HarnessResult, T> finish)
    {
        try
        {
            return finish(Run(context, channelName, options, training, config, tokenizer, sampleCount, validate, train));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static HarnessResult Run(MLContext context, string channelName, SimVtpTrainerOptions options, TrainingOptions training,
        SimVtpConfig config, BertTokenizer tokenizer, int sampleCount, Func<VtpRetrievalMetrics>? validate,
        Func<IProgress<TrainingProgress>, TrainingRun> train)
    {
        using var channel = ((IHostEnvironment)context).Start(channelName);
        using var threads = new TorchThreads(options.Threads);
        var stepsPerEpoch = training.StepsPerEpoch(sampleCount);
        channel.Info(MessageSensitivity.None,
            $"Training on {sampleCount} clips: encoder {config.EncoderEmbedDim} wide x {config.EncoderDepth} blocks, {config.NumFrames} frames of " +
            $"{config.ImageSize} px, vocabulary {tokenizer.Vocabulary.Count} tokens; batch {training.BatchSize} x {training.AccumulationSteps}, " +
            $"{stepsPerEpoch} steps per epoch, {training.Epochs} epoch(s){(training.MaxSteps is { } max ? $" or {max} steps" : "")}; seed {training.Seed}");
        var monitor = new TrainingMonitor(channel, options, stepsPerEpoch, validate);
        var clock = Stopwatch.StartNew();
        try
        {
            var run = train(monitor);
            monitor.Finish(run, clock.Elapsed);
            return new HarnessResult(run, monitor.Validations);
        }
        catch (OperationCanceledException)
        {
            channel.Warning(MessageSensitivity.None, $"Training cancelled after {monitor.StepsDone} completed step(s).");
            throw;
        }
    }
}
