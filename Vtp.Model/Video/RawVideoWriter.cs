using System.IO.Pipes;
using FFMpegCore;
using FFMpegCore.Enums;
using FFMpegCore.Pipes;

namespace Vtp.Video;

/// <summary>
/// Writes rgb24 frames into a video file through FFMpegCore: the frames go into a pipe that FFMpegCore feeds to
/// ffmpeg as rawvideo input. Call <see cref="Complete"/> to finish the file; disposing without it kills ffmpeg and
/// deletes the partial file.
/// </summary>
public sealed class RawVideoWriter : IDisposable
{
    private readonly AnonymousPipeServerStream _frames = new(PipeDirection.Out);
    private readonly CancellationTokenSource _kill = new();
    private readonly Task<FFMpegResult> _run;
    private readonly int _frameBytes;
    private bool _completed;
    private bool _disposed;

    /// <summary>Starts ffmpeg writing <paramref name="path"/> (overwritten if present).</summary>
    public RawVideoWriter(string path, int width, int height, double frameRate, VideoEncoding? encoding = null)
    {
        if (width <= 0 || height <= 0 || frameRate <= 0)
        {
            throw new ArgumentException($"Width, height and frame rate must be positive, got {width}x{height} at {frameRate} fps.");
        }

        encoding ??= VideoEncoding.H264;
        var options = FfmpegTools.FfmpegOptions();
        Path = path;
        _frameBytes = width * height * 3;
        var ffmpegSide = new AnonymousPipeClientStream(PipeDirection.In, _frames.ClientSafePipeHandle);
        var processor = FFMpegArguments
            .FromPipeInput(new StreamPipeSource(ffmpegSide), o => o
                .ForceFormat("rawvideo").WithPixelFormat("rgb24").WithFrameSize(width, height).WithFrameRate(frameRate))
            .OutputToFile(path, overwrite: true, o => o.WithCustomArgument(CommandLine.Join(
                ["-hide_banner", "-nostdin", "-an", "-c:v", encoding.Codec, "-pix_fmt", encoding.PixelFormat, .. encoding.ExtraArguments])))
            .WithLogLevel(FFMpegLogLevel.Error)
            .CancellableThrough(_kill.Token, TimeSpan.Zero);
        _run = Task.Run(() => processor.ProcessAsynchronously(throwOnError: false, options));

        // Once ffmpeg is gone nothing reads the pipe: close it, so that a blocked WriteFrame fails instead of hanging.
        _ = _run.ContinueWith(_ => ffmpegSide.Dispose(), TaskScheduler.Default);
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Appends one frame: height rows of width RGB triples.</summary>
    /// <exception cref="IOException">ffmpeg stopped accepting frames (its last stderr lines are in the message).</exception>
    public void WriteFrame(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length != _frameBytes)
        {
            throw new ArgumentException($"A frame must be {_frameBytes} bytes, got {rgb.Length}.", nameof(rgb));
        }

        try
        {
            _frames.Write(rgb);
        }
        catch (IOException e)
        {
            throw new IOException($"ffmpeg stopped accepting frames for '{Path}': {StderrTail(Wait())}", e);
        }
    }

    /// <summary>Closes the input and waits for ffmpeg to finish the file.</summary>
    /// <exception cref="IOException">ffmpeg failed (its last stderr lines are in the message).</exception>
    public void Complete()
    {
        _frames.Dispose();
        var result = Wait();
        if (result.ExitCode != 0)
        {
            throw new IOException($"ffmpeg could not write '{Path}' (exit code {result.ExitCode}): {StderrTail(result)}");
        }

        _completed = true;
    }

    /// <summary>Writes all <paramref name="frames"/> (back to back) into <paramref name="path"/> and finishes the file.</summary>
    public static void WriteAll(
        string path, ReadOnlySpan<byte> frames, int width, int height, double frameRate, VideoEncoding? encoding = null)
    {
        var frameBytes = width * height * 3;
        if (frames.Length == 0 || frames.Length % frameBytes != 0)
        {
            throw new ArgumentException($"Expected a whole number of {frameBytes}-byte frames, got {frames.Length} bytes.", nameof(frames));
        }

        using var writer = new RawVideoWriter(path, width, height, frameRate, encoding);

        for (var offset = 0; offset < frames.Length; offset += frameBytes)
        {
            writer.WriteFrame(frames.Slice(offset, frameBytes));
        }

        writer.Complete();
    }

    /// <summary>Releases ffmpeg; without <see cref="Complete"/> the process is killed and the partial file deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_completed)
        {
            _kill.Cancel();
            _frames.Dispose();
            Task.WhenAny(_run).GetAwaiter().GetResult(); // ffmpeg is gone, however the run ended
            File.Delete(Path);
        }

        _kill.Dispose();
    }

    private FFMpegResult Wait() => _run.GetAwaiter().GetResult();

    private static string StderrTail(FFMpegResult result) => VideoDecodeException.LastLines(result.StandardError);
}
