using FFMpegCore.Pipes;

namespace Vtp.Video;

/// <summary>
/// FFMpegCore pipe sink that receives ffmpeg's rawvideo rgb24 frames into one buffer, whole frames only, and counts
/// them: a run that ends early (a truncated file, a container that over-reports its frames) shows as
/// <see cref="Received"/> below the planned count.
/// </summary>
internal sealed class RgbFrameSink(byte[] buffer, int frameBytes) : IPipeSink
{
    /// <summary>Whole frames received so far, at the start of the buffer.</summary>
    public int Received { get; private set; }

    /// <summary>No arguments of its own: the run's output options ask for rawvideo rgb24.</summary>
    public string GetStreamArguments() => "";

    /// <summary>Reads frames until the buffer is full or ffmpeg closes the pipe, then waits for the close.</summary>
    public async Task ReadAsync(Stream inputStream, CancellationToken cancellationToken)
    {
        var planned = buffer.Length / frameBytes;
        while (Received < planned)
        {
            var frame = buffer.AsMemory(Received * frameBytes, frameBytes);
            if (await inputStream.ReadAtLeastAsync(frame, frameBytes, throwOnEndOfStream: false, cancellationToken) < frameBytes)
            {
                return;
            }

            Received++;
        }

        // ffmpeg stops after the planned frames (-frames:v); closing our end first would fail its last write.
        await inputStream.CopyToAsync(Stream.Null, cancellationToken);
    }
}
