namespace Vtp.Video;

/// <summary>Sampled frames that one ffmpeg input decodes in one go: from <see cref="First"/> to <see cref="Last"/>.</summary>
/// <param name="First">First wanted frame number.</param>
/// <param name="Last">Last wanted frame number.</param>
/// <param name="Indices">The wanted frame numbers, ascending and distinct.</param>
internal sealed record FrameRun(int First, int Last, int[] Indices);
