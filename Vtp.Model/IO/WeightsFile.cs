// Official-named weights from either format the SimVTP authors and Vtp use, told apart by content, not by file name.
namespace Vtp.IO;

/// <summary>Reads a weights file that is either a PyTorch checkpoint or a safetensors file.</summary>
public static class WeightsFile
{
    /// <summary>
    /// The tensors of <paramref name="path"/>: <see cref="PyTorchCheckpoint.Load"/> when the file starts like torch.save
    /// output (a zip archive, or a legacy pickle, which is refused by name), <see cref="SafeTensors.Load"/> otherwise.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged, of neither format, or a checkpoint Vtp refuses; the message names it.</exception>
    public static SafeTensorsContent Load(string path)
    {
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return PyTorchCheckpoint.LooksLikeCheckpoint(head[..read]) ? PyTorchCheckpoint.Load(path) : SafeTensors.Load(path);
    }
}
