// Which collectives a rank joins with: Gloo for a model on the CPU, NCCL for one on a CUDA device.
using Vtp.Collectives;
using static TorchSharp.torch;

namespace Vtp.Distributed;

/// <summary>
/// Joins a data-parallel job with the collectives that fit the training device: <see cref="GlooCollectives"/> for
/// "cpu", <see cref="NcclCollectives"/> for "cuda" or "cuda:N". <see cref="DistributedOptions.Backend"/> may name the
/// backend, and must then agree with the device.
/// </summary>
public static class DistributedJob
{
    /// <summary>The backend <see cref="Join"/> uses for <paramref name="device"/>: "gloo" for the CPU, "nccl" for CUDA.</summary>
    /// <exception cref="ArgumentException">The device is not "cpu", "cuda" or "cuda:N", or the options' backend disagrees with it.</exception>
    public static string Backend(DistributedOptions options, string device)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backend = Parse(device).type == TorchSharp.DeviceType.CUDA ? "nccl" : "gloo";
        if (options.Backend is { } asked && asked != backend)
            throw new ArgumentException(
                $"Backend '{asked}' cannot serve a model on '{device}': Gloo takes CPU tensors and NCCL CUDA tensors; use backend '{backend}' " +
                "(or leave Backend unset to follow the device).", nameof(options));
        return backend;
    }

    /// <summary>
    /// The device this rank trains on: a bare "cuda" becomes "cuda:LOCAL_RANK" (<see cref="DistributedOptions.LocalRank"/>),
    /// so that the ranks on one machine use one GPU each; "cpu" and "cuda:N" stay as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The device is not "cpu", "cuda" or "cuda:N".</exception>
    public static string RankDevice(DistributedOptions options, string device)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parsed = Parse(device);
        return parsed.type == TorchSharp.DeviceType.CUDA && parsed.index < 0 ? $"cuda:{options.LocalRank}" : device;
    }

    /// <summary>Joins the job of <paramref name="options"/> with the collectives of <paramref name="device"/> (see
    /// <see cref="RankDevice"/> for a bare "cuda"). The caller disposes the result after training.</summary>
    /// <exception cref="ArgumentException">The options or the device are invalid, or the backend disagrees with the device.</exception>
    /// <exception cref="InvalidOperationException">A CUDA device was asked for and the loaded libtorch has no CUDA.</exception>
    /// <exception cref="DllNotFoundException">The backend's native library does not load (libVtpGloo.so, libnccl.so.2).</exception>
    /// <exception cref="DistributedException">The rendezvous failed or timed out.</exception>
    public static ICollectives Join(DistributedOptions options, string device)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Backend(options, device) == "gloo"
            ? GlooCollectives.Join(options)
            : NcclCollectives.Join(options, Parse(RankDevice(options, device)).index);
    }

    private static Device Parse(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device parsed;
        try
        {
            parsed = new Device(device);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Device '{device}' is not 'cpu', 'cuda' or 'cuda:N'.", nameof(device), e);
        }
        return parsed.type is TorchSharp.DeviceType.CPU or TorchSharp.DeviceType.CUDA ? parsed
            : throw new ArgumentException($"Device '{device}' is not 'cpu', 'cuda' or 'cuda:N'; data-parallel training runs on the CPU (Gloo) or CUDA (NCCL).", nameof(device));
    }
}
