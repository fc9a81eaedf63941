using System.Globalization;

namespace Vtp.Distributed;

/// <summary>
/// Where and how one process joins a data-parallel job: its rank, the number of processes, the rendezvous address
/// (rank 0 hosts a TCP store there) and the timeout that bounds the rendezvous and every collective.
/// The same variables as PyTorch's launchers are read by <see cref="FromEnvironment()"/>.
/// </summary>
public sealed record DistributedOptions
{
    /// <summary>The default rendezvous port, as in PyTorch.</summary>
    public const int DefaultPort = 29500;

    /// <summary>This process's rank, 0 to <see cref="WorldSize"/> - 1; rank 0 hosts the rendezvous store. Default 0.</summary>
    public int Rank { get; init; }

    /// <summary>
    /// This process's rank among the processes on its machine (LOCAL_RANK; e.g. which GPU it uses), 0 to
    /// <see cref="WorldSize"/> - 1. Default 0.
    /// </summary>
    public int LocalRank { get; init; }

    /// <summary>The number of processes in the job. Default 1.</summary>
    public int WorldSize { get; init; } = 1;

    /// <summary>Host name or IP address of rank 0's machine, reachable from every rank. Default "127.0.0.1".</summary>
    public string MasterAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP port of the rendezvous store on rank 0's machine (1-65535). Default 29500.</summary>
    public int MasterPort { get; init; } = DefaultPort;

    /// <summary>Upper bound for the rendezvous and for each collective, after which they fail. Default 5 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The collectives: "gloo" (CPU tensors), "nccl" (CUDA tensors; a CUDA libtorch and libnccl.so.2), or null to follow
    /// the training device (<see cref="DistributedJob"/>). Default null.
    /// </summary>
    public string? Backend { get; init; }

    /// <summary>
    /// Whether the ranks compare shape and dtype (one small extra all-gather) before each all-reduce, broadcast and
    /// all-gather, so that a mismatch throws a <see cref="DistributedException"/> on every rank; gloo itself aborts the
    /// process on a size mismatch. Turn off to save the round trip or when PyTorch ranks (which do not take part in the
    /// check) share the group. Default true.
    /// </summary>
    public bool CheckShapes { get; init; } = true;

    /// <summary>
    /// Reads MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE and LOCAL_RANK from the process environment (as torchrun sets
    /// them; LOCAL_RANK defaults to 0).
    /// Returns null when neither RANK nor WORLD_SIZE is set (not a distributed run).
    /// </summary>
    /// <exception cref="ArgumentException">A variable is malformed or only one of RANK and WORLD_SIZE is set.</exception>
    public static DistributedOptions? FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="FromEnvironment()"/>, reading the variables through <paramref name="lookup"/> (name to value or null).</summary>
    public static DistributedOptions? FromEnvironment(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var rank = lookup("RANK");
        var worldSize = lookup("WORLD_SIZE");
        if (string.IsNullOrEmpty(rank) && string.IsNullOrEmpty(worldSize)) return null;
        if (string.IsNullOrEmpty(rank)) throw new ArgumentException($"WORLD_SIZE is set ('{worldSize}') but RANK is not; set both or neither.");
        if (string.IsNullOrEmpty(worldSize)) throw new ArgumentException($"RANK is set ('{rank}') but WORLD_SIZE is not; set both or neither.");
        var address = lookup("MASTER_ADDR");
        var port = lookup("MASTER_PORT");
        var localRank = lookup("LOCAL_RANK");
        var options = new DistributedOptions
        {
            Rank = ParseVariable("RANK", rank),
            WorldSize = ParseVariable("WORLD_SIZE", worldSize),
            MasterAddress = string.IsNullOrEmpty(address) ? "127.0.0.1" : address,
            MasterPort = string.IsNullOrEmpty(port) ? DefaultPort : ParseVariable("MASTER_PORT", port),
            LocalRank = string.IsNullOrEmpty(localRank) ? 0 : ParseVariable("LOCAL_RANK", localRank),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"Environment variables RANK='{rank}', WORLD_SIZE='{worldSize}', MASTER_ADDR='{address}', MASTER_PORT='{port}', " +
                $"LOCAL_RANK='{localRank}': {e.Message}", e);
        }
        return options;
    }

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names the field, its value and the expected range.</exception>
    public void Validate()
    {
        if (WorldSize < 1) throw new ArgumentException($"World size must be at least 1, got {WorldSize}.");
        if (Rank < 0 || Rank >= WorldSize)
            throw new ArgumentException($"Rank {Rank} is out of range for world size {WorldSize} (expected 0 to {WorldSize - 1}).");
        if (LocalRank < 0 || LocalRank >= WorldSize)
            throw new ArgumentException($"Local rank {LocalRank} is out of range for world size {WorldSize} (expected 0 to {WorldSize - 1}).");
        if (string.IsNullOrWhiteSpace(MasterAddress)) throw new ArgumentException("Master address is empty; expected a host name or IP address.");
        if (MasterPort < 1 || MasterPort > 65535) throw new ArgumentException($"Master port {MasterPort} is out of range (expected 1 to 65535).");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException($"Timeout must be positive, got {Timeout}.");
        if (Backend is not (null or "gloo" or "nccl")) throw new ArgumentException($"Backend '{Backend}' is not supported (expected 'gloo', 'nccl' or none).");
    }

    private static int ParseVariable(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ArgumentException($"Environment variable {name} must be an integer, got '{value}'.");
}
