namespace Vtp.Data;

/// <summary>One captioned video (or part of one): the unit of every Vtp dataset.</summary>
/// <param name="VideoPath">Path of the video file (absolute once a reader resolved it).</param>
/// <param name="Caption">The caption text.</param>
/// <param name="Start">Start of the captioned part in seconds, or null for the beginning.</param>
/// <param name="End">End of the captioned part in seconds, or null for the end.</param>
public sealed record VideoTextSample(string VideoPath, string Caption, double? Start = null, double? End = null);
