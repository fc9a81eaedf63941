using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Vtp.Tests.Compat;

// ML.NET's logging: channels started from the MLContext write to MLContext.Log as
// "[Source=<channel full name>, Kind=<kind>] <text>", trace messages included.
[TestClass]
public sealed class LoggingTests
{
    private static List<LoggingEventArgs> Capture(MLContext context)
    {
        var events = new List<LoggingEventArgs>();
        context.Log += (_, e) => events.Add(e);
        return events;
    }

    [TestMethod]
    public void ChannelMessagesReachLogWithMlNetFormat()
    {
        var context = new MLContext(1);
        var events = Capture(context);

        using (var channel = ((IHostEnvironment)context).Start("Training"))
        {
            channel.Info(MessageSensitivity.None, "Epoch {0} loss {1:F2}", 3, 0.25);
            channel.Warning(MessageSensitivity.UserData, "slow video");
            channel.Error(MessageSensitivity.None, "bad {0}", "row");
        }

        var info = events.Single(e => e.Kind == ChannelMessageKind.Info);
        Assert.AreEqual("[Source=Training, Kind=Info] Epoch 3 loss 0.25", info.Message);
        Assert.AreEqual("Epoch 3 loss 0.25", info.RawMessage);
        Assert.AreEqual("Training", info.Source);
        Assert.AreEqual("[Source=Training, Kind=Warning] slow video", events.Single(e => e.Kind == ChannelMessageKind.Warning).Message);
        Assert.AreEqual("[Source=Training, Kind=Error] bad row", events.Single(e => e.Kind == ChannelMessageKind.Error).Message);
    }

    [TestMethod]
    public void RegisteredHostNamePrefixesChannelSource()
    {
        var context = new MLContext(1);
        var events = Capture(context);
        var host = ((IHostEnvironment)context).Register("SimVtp");

        using (var channel = host.Start("Embedding"))
            channel.Info(MessageSensitivity.None, "done");

        Assert.AreEqual("[Source=SimVtp; Embedding, Kind=Info] done", events.Single(e => e.Kind == ChannelMessageKind.Info).Message);
    }

    [TestMethod]
    public void ChannelsTraceTheirLifetime()
    {
        var context = new MLContext(1);
        var events = Capture(context);

        ((IHostEnvironment)context).Start("Work").Dispose();

        string[] traces = events.Where(e => e.Kind == ChannelMessageKind.Trace).Select(e => e.RawMessage).ToArray();
        Assert.AreEqual(3, traces.Length);
        Assert.AreEqual("Channel started", traces[0]);
        StringAssert.StartsWith(traces[1], "Channel finished. Elapsed 00:00:");
        Assert.AreEqual("Channel disposed", traces[2]);
    }

    [TestMethod]
    public void ProgressChannelsNeverReachTheLog()
    {
        var context = new MLContext(1);
        var events = Capture(context);

        using (var progress = ((IHostEnvironment)context).StartProgressChannel("Training"))
        {
            progress.SetHeader(new ProgressHeader(new[] { "loss" }, new[] { "steps" }), entry => entry.SetProgress(0, 1));
            progress.Checkpoint(0.5);
        }

        Assert.AreEqual(0, events.Count);
    }

    [TestMethod]
    public void HostsSeededAlikeDrawTheSameNumbers()
    {
        var first = ((IHostEnvironment)new MLContext(1)).Register("a", seed: 42).Rand.Next();
        var second = ((IHostEnvironment)new MLContext(2)).Register("b", seed: 42).Rand.Next();
        var derivedA = ((IHostEnvironment)new MLContext(7)).Register("a").Rand.Next();
        var derivedB = ((IHostEnvironment)new MLContext(7)).Register("a").Rand.Next();

        Assert.AreEqual(first, second);
        Assert.AreEqual(derivedA, derivedB);
    }

    [TestMethod]
    public void ExceptionContextRecordsTheThrowingComponent()
    {
        var host = ((IHostEnvironment)new MLContext(1)).Register("Decoder");

        var error = host.Process(new InvalidOperationException("bad frame"));

        Assert.AreEqual("Decoder", error.Data["Throwing component"]);
        Assert.AreEqual("Decoder", host.ContextDescription);
    }
}
