using Vtp.Data;

namespace Vtp.Video;

/// <summary>A sample that <see cref="VideoLoader"/> left out under <see cref="BadSamplePolicy.SkipAndReport"/>.</summary>
/// <param name="Epoch">The epoch in which it was skipped.</param>
/// <param name="SampleIndex">Its index in the loader's sample list.</param>
/// <param name="Sample">The sample itself.</param>
/// <param name="Error">Why its video could not be read.</param>
public sealed record SkippedSample(int Epoch, int SampleIndex, VideoTextSample Sample, VideoDecodeException Error);
