// Reads the (small) path/caption columns of a whole data view into samples, for training and validation.
using Microsoft.ML;
using Vtp.Data;

namespace Vtp.MLNet;

internal static class SampleReader
{
    /// <summary>Every row as a sample (the video path resolved), in cursor order; only the bound columns are read.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound column is missing or of the wrong type.</exception>
    /// <exception cref="InvalidDataException">A row has an empty video path or invalid bounds.</exception>
    public static List<VideoTextSample> ReadAll(IDataView data, InputBinding binding, CancellationToken cancellationToken = default)
    {
        binding.Check(data.Schema, video: true, caption: true);
        var columns = binding.Columns(video: true, caption: true).Select(c => data.Schema[c.Name]).ToList();
        var samples = new List<VideoTextSample>();
        using var cursor = data.GetRowCursor(columns);
        var reader = binding.Reader(cursor, readVideo: true, readCaption: true);
        while (cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            samples.Add(reader.Read().ToSample());
        }
        return samples;
    }
}
