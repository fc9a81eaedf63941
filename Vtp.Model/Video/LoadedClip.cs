using Vtp.Data;

namespace Vtp.Video;

/// <summary>One clip delivered by <see cref="VideoLoader"/>.</summary>
/// <param name="Position">Its position in the epoch's order (0-based, counting skipped samples too).</param>
/// <param name="SampleIndex">Its index in the loader's sample list.</param>
/// <param name="Sample">The sample (video path and caption).</param>
/// <param name="Clip">The decoded, normalised clip.</param>
public sealed record LoadedClip(int Position, int SampleIndex, VideoTextSample Sample, VideoClip Clip);
