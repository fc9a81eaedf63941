using System.Collections.Concurrent;
using System.Globalization;

namespace Vtp.Video;

/// <summary>
/// A memo of ffprobe and ffmpeg results that many readers and loaders can share (set it as
/// <see cref="ClipSamplingOptions.Cache"/>): a probe is reused while the file's size and time stamp are unchanged, and
/// a decode is reused when the same frames of the same unchanged file are asked for with the same geometry and decode
/// options. Random choices (frames, crops, flips) are still drawn by the reader before it asks, so a cached clip is
/// bit-identical to an uncached one and the random sequence is untouched. Nothing is ever evicted: meant for data sets
/// whose decoded clips fit in memory, e.g. many short training runs over one small data set in one process.
/// Thread-safe; two threads missing the same entry at once may both decode it (the second result is dropped).
/// </summary>
public sealed class ClipDecodeCache
{
    private readonly ConcurrentDictionary<string, VideoInfo> _probes = new();
    private readonly ConcurrentDictionary<string, DecodedFrames> _decodes = new();
    private long _probeHits;
    private long _decodeHits;

    /// <summary>Probes run (cache misses).</summary>
    public int ProbeCount => _probes.Count;

    /// <summary>Probes answered from the cache.</summary>
    public long ProbeHits => Interlocked.Read(ref _probeHits);

    /// <summary>Distinct decodes held (cache misses).</summary>
    public int DecodeCount => _decodes.Count;

    /// <summary>Decodes answered from the cache.</summary>
    public long DecodeHits => Interlocked.Read(ref _decodeHits);

    /// <summary>Bytes of decoded frames held.</summary>
    public long DecodedBytes => _decodes.Values.Sum(d => (long)d.Rgb.Length);

    /// <summary>Drops every entry and resets the counters.</summary>
    public void Clear()
    {
        _probes.Clear();
        _decodes.Clear();
        Interlocked.Exchange(ref _probeHits, 0);
        Interlocked.Exchange(ref _decodeHits, 0);
    }

    internal VideoInfo Probe(string path, Func<VideoInfo> probe) =>
        GetOrRun(_probes, FileKey(path), probe, ref _probeHits);

    internal DecodedFrames Decode(string path, int[] frames, FrameGeometry geometry, VideoDecodeOptions options, Func<DecodedFrames> decode)
    {
        var key = string.Join('|', FileKey(path), string.Join(',', frames), geometry.ToFilterChain(), options.Strategy,
            options.DecoderThreads.ToString(CultureInfo.InvariantCulture), options.TolerateDecodeErrors);
        return GetOrRun(_decodes, key, decode, ref _decodeHits);
    }

    private static T GetOrRun<T>(ConcurrentDictionary<string, T> entries, string key, Func<T> run, ref long hits)
    {
        if (entries.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref hits);
            return cached;
        }

        return entries.GetOrAdd(key, run());
    }

    // A file that changes (size or time stamp) gets a new key, so stale results are never served.
    private static string FileKey(string path)
    {
        var file = new FileInfo(path);
        return file.Exists
            ? string.Create(CultureInfo.InvariantCulture, $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}")
            : file.FullName;
    }
}
