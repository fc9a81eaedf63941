using Vtp.Distributed;

namespace Vtp.Tests.Distributed;

[TestClass]
public sealed class DistributedOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [TestMethod]
    public void FromEnvironmentIsNullOutsideADistributedRun() =>
        Assert.IsNull(DistributedOptions.FromEnvironment(Env(("MASTER_ADDR", "10.0.0.1"))));

    [TestMethod]
    public void FromEnvironmentReadsTheLauncherVariables()
    {
        var options = DistributedOptions.FromEnvironment(Env(("RANK", "3"), ("WORLD_SIZE", "4"), ("MASTER_ADDR", "node-7"), ("MASTER_PORT", "31000")))!;
        Assert.AreEqual(new DistributedOptions { Rank = 3, WorldSize = 4, MasterAddress = "node-7", MasterPort = 31000 }, options);
    }

    [TestMethod]
    public void FromEnvironmentDefaultsAddressAndPort()
    {
        var options = DistributedOptions.FromEnvironment(Env(("RANK", "0"), ("WORLD_SIZE", "2")))!;
        Assert.AreEqual("127.0.0.1", options.MasterAddress);
        Assert.AreEqual(29500, options.MasterPort);
    }

    [TestMethod]
    public void FromEnvironmentReadsLocalRankDefaultingToZero()
    {
        Assert.AreEqual(3, DistributedOptions.FromEnvironment(Env(("RANK", "7"), ("WORLD_SIZE", "8"), ("LOCAL_RANK", "3")))!.LocalRank);
        Assert.AreEqual(0, DistributedOptions.FromEnvironment(Env(("RANK", "7"), ("WORLD_SIZE", "8")))!.LocalRank);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() =>
            DistributedOptions.FromEnvironment(Env(("RANK", "0"), ("WORLD_SIZE", "2"), ("LOCAL_RANK", "gpu0")))).Message,
            "LOCAL_RANK must be an integer, got 'gpu0'");
        var range = Assert.ThrowsExactly<ArgumentException>(() =>
            DistributedOptions.FromEnvironment(Env(("RANK", "0"), ("WORLD_SIZE", "2"), ("LOCAL_RANK", "-1"))));
        StringAssert.Contains(range.Message, "LOCAL_RANK='-1'");
        StringAssert.Contains(range.Message, "Local rank -1 is out of range for world size 2 (expected 0 to 1)");
    }

    [TestMethod]
    public void MalformedVariablesAreNamed()
    {
        var rank = Assert.ThrowsExactly<ArgumentException>(() => DistributedOptions.FromEnvironment(Env(("RANK", "one"), ("WORLD_SIZE", "2"))));
        StringAssert.Contains(rank.Message, "RANK must be an integer, got 'one'");
        var port = Assert.ThrowsExactly<ArgumentException>(() =>
            DistributedOptions.FromEnvironment(Env(("RANK", "0"), ("WORLD_SIZE", "2"), ("MASTER_PORT", "29500x"))));
        StringAssert.Contains(port.Message, "MASTER_PORT must be an integer, got '29500x'");
        var missing = Assert.ThrowsExactly<ArgumentException>(() => DistributedOptions.FromEnvironment(Env(("WORLD_SIZE", "2"))));
        StringAssert.Contains(missing.Message, "RANK is not");
        var range = Assert.ThrowsExactly<ArgumentException>(() => DistributedOptions.FromEnvironment(Env(("RANK", "2"), ("WORLD_SIZE", "2"))));
        StringAssert.Contains(range.Message, "RANK='2', WORLD_SIZE='2'");
        StringAssert.Contains(range.Message, "Rank 2 is out of range for world size 2 (expected 0 to 1)");
    }

    [TestMethod]
    public void ValidateNamesTheBadValue()
    {
        void Fails(DistributedOptions options, string expected) =>
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(options.Validate).Message, expected);
        Fails(new() { WorldSize = 0 }, "World size must be at least 1, got 0");
        Fails(new() { Rank = -1, WorldSize = 2 }, "Rank -1 is out of range for world size 2");
        Fails(new() { LocalRank = 2, WorldSize = 2 }, "Local rank 2 is out of range for world size 2");
        Fails(new() { MasterPort = 70000 }, "Master port 70000 is out of range (expected 1 to 65535)");
        Fails(new() { MasterAddress = " " }, "Master address is empty");
        Fails(new() { Timeout = TimeSpan.Zero }, "Timeout must be positive");
        Fails(new() { Backend = "mpi" }, "Backend 'mpi' is not supported");
        new DistributedOptions { Rank = 1, WorldSize = 2 }.Validate();
    }
}
