namespace Vtp.Video;

/// <summary>
/// A video could not be probed or decoded. The message names the file and quotes the last lines ffmpeg or ffprobe
/// wrote to stderr, so the cause (missing file, not a video, corrupt stream, ...) is visible without a debugger.
/// </summary>
public sealed class VideoDecodeException : Exception
{
    private const int TailLines = 12;

    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The video file that failed.</param>
    /// <param name="reason">What went wrong, in one sentence.</param>
    /// <param name="toolOutput">The last stderr lines of ffmpeg/ffprobe, or empty.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public VideoDecodeException(string filePath, string reason, string toolOutput = "", Exception? inner = null)
        : base(Compose(filePath, reason, toolOutput), inner)
    {
        FilePath = filePath;
        Reason = reason;
        ToolOutput = toolOutput;
    }

    /// <summary>The video file that failed.</summary>
    public string FilePath { get; }

    /// <summary>What went wrong, without the file name and tool output.</summary>
    public string Reason { get; }

    /// <summary>The last stderr lines of ffmpeg/ffprobe (empty when no tool ran).</summary>
    public string ToolOutput { get; }

    /// <summary>
    /// The last stderr lines of a run, for <see cref="ToolOutput"/>: ffmpeg and ffprobe run at <c>-loglevel error</c>
    /// without the banner, so these are the lines that say what went wrong (the last one usually names the cause).
    /// </summary>
    internal static string LastLines(IReadOnlyList<string> stderr) =>
        string.Join(Environment.NewLine, stderr.Where(line => !string.IsNullOrWhiteSpace(line)).TakeLast(TailLines));

    private static string Compose(string filePath, string reason, string toolOutput) =>
        string.IsNullOrWhiteSpace(toolOutput)
            ? $"Video '{filePath}': {reason}"
            : $"Video '{filePath}': {reason}{Environment.NewLine}ffmpeg said:{Environment.NewLine}{toolOutput.TrimEnd()}";
}
