using System.ComponentModel;
using System.Diagnostics;

namespace Vtp.Video;

/// <summary>
/// One running ffmpeg/ffprobe process: binary stdout (and optionally stdin), stderr drained concurrently into a
/// tail of the last lines, and a kill on cancellation or disposal so that no process outlives its owner.
/// </summary>
internal sealed class FfmpegProcess : IDisposable
{
    private const int TailLines = 12;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly CancellationTokenRegistration _cancellation;
    private bool _disposed;

    private FfmpegProcess(Process process, CancellationToken cancellationToken)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => AppendStderr(e.Data);
        _process.BeginErrorReadLine();
        _cancellation = cancellationToken.Register(Kill);
    }

    /// <summary>Starts <paramref name="executable"/>; arguments are passed verbatim (no shell).</summary>
    public static FfmpegProcess Start(
        string executable, IEnumerable<string> arguments, bool writesStdin, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = writesStdin,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Could not start '{executable}' ({e.Message}). Install ffmpeg (Debian: apt-get install ffmpeg) " +
                "or point VTP_FFMPEG / VTP_FFPROBE at the executables.", e);
        }

        return new FfmpegProcess(process, cancellationToken);
    }

    /// <summary>The process's stdout as a binary stream.</summary>
    public Stream Stdout => _process.StandardOutput.BaseStream;

    /// <summary>The process's stdin as a binary stream (only when started with <c>writesStdin</c>).</summary>
    public Stream Stdin => _process.StandardInput.BaseStream;

    /// <summary>The last stderr lines seen so far (complete once <see cref="WaitForExit"/> returned).</summary>
    public string StderrTail
    {
        get
        {
            lock (_tail)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }
    }

    /// <summary>
    /// Reads until <paramref name="buffer"/> is full or stdout ends; returns the number of bytes read.
    /// </summary>
    public int ReadFully(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = Stdout.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>Reads stdout to its end as UTF-8 text.</summary>
    public string ReadAllText() => _process.StandardOutput.ReadToEnd();

    /// <summary>Waits for the process to exit (and for stderr to be drained) and returns its exit code.</summary>
    public int WaitForExit()
    {
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the process (if still running) and releases it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cancellation.Dispose();
        Kill();
        try
        {
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started or already released: nothing to reap.
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Exiting while we tried to kill it.
        }
    }

    private void AppendStderr(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_tail)
        {
            if (_tail.Count == TailLines)
            {
                _tail.Dequeue();
            }

            _tail.Enqueue(line);
        }
    }
}
