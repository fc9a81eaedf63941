using System.Globalization;

namespace Vtp.Video;

/// <summary>
/// Writes rgb24 frames into a video file by piping them into ffmpeg. Call <see cref="Complete"/> to finish the file;
/// disposing without it kills ffmpeg and deletes the partial file.
/// </summary>
public sealed class RawVideoWriter : IDisposable
{
    private readonly FfmpegProcess _process;
    private readonly int _frameBytes;
    private bool _completed;

    /// <summary>Starts ffmpeg writing <paramref name="path"/> (overwritten if present).</summary>
    public RawVideoWriter(string path, int width, int height, double frameRate, VideoEncoding? encoding = null)
    {
        if (width <= 0 || height <= 0 || frameRate <= 0)
        {
            throw new ArgumentException($"Width, height and frame rate must be positive, got {width}x{height} at {frameRate} fps.");
        }

        encoding ??= VideoEncoding.H264;
        Path = path;
        _frameBytes = width * height * 3;
        List<string> arguments =
        [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}",
            "-r", frameRate.ToString(CultureInfo.InvariantCulture), "-i", "pipe:0",
            "-an", "-c:v", encoding.Codec, "-pix_fmt", encoding.PixelFormat, .. encoding.ExtraArguments, path,
        ];
        _process = FfmpegProcess.Start(FfmpegTools.Ffmpeg, arguments, writesStdin: true, CancellationToken.None);
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
            _process.Stdin.Write(rgb);
        }
        catch (IOException e)
        {
            _process.WaitForExit();
            throw new IOException($"ffmpeg stopped accepting frames for '{Path}': {_process.StderrTail}", e);
        }
    }

    /// <summary>Closes the input and waits for ffmpeg to finish the file.</summary>
    /// <exception cref="IOException">ffmpeg failed (its last stderr lines are in the message).</exception>
    public void Complete()
    {
        _process.Stdin.Close();
        var exitCode = _process.WaitForExit();
        if (exitCode != 0)
        {
            throw new IOException($"ffmpeg could not write '{Path}' (exit code {exitCode}): {_process.StderrTail}");
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
        _process.Dispose();
        if (!_completed)
        {
            File.Delete(Path);
        }
    }
}
