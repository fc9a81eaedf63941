// Parsing and checking the device a run trains on.
using static TorchSharp.torch;

namespace Vtp.Training;

internal static class TrainingDevices
{
    /// <summary>True for "cpu", and for "cuda"/"cuda:N" when the loaded libtorch has CUDA.</summary>
    public static bool IsUsable(string name)
    {
        try
        {
            var device = new Device(name);
            return device.type == TorchSharp.DeviceType.CPU || (device.type == TorchSharp.DeviceType.CUDA && cuda.is_available());
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Moves the model to the device unless it is the CPU, where it already is.</summary>
    public static Device Prepare(nn.Module model, string name)
    {
        var device = new Device(name);
        if (device.type != TorchSharp.DeviceType.CPU) model.to(device);
        return device;
    }
}
