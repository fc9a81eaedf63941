namespace Vtp.Distributed;

/// <summary>
/// A distributed operation failed: the rendezvous timed out, a peer died or closed its connection, a collective timed
/// out, or the ranks disagreed on a tensor's shape. The message names the operation, this rank and the underlying
/// Gloo or NCCL error. The collectives are unusable afterwards: dispose them (and the job's other ranks will fail too).
/// </summary>
public sealed class DistributedException : Exception
{
    /// <summary>Creates the exception with its full message.</summary>
    public DistributedException(string message) : base(message) { }

    /// <summary>Creates the exception with its full message and the exception that caused it.</summary>
    public DistributedException(string message, Exception inner) : base(message, inner) { }
}
