using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.MLNet;

// Vtp's annotation CSV (video,caption,start,end; empty bounds for whole videos) through ML.NET's text loader.
public static class AnnotationCsv
{
    /// <summary>VideoPath, Caption (text), Start and End (Single); empty bounds read as NaN ("not set") unless
    /// <paramref name="missingAsNaN"/> is false, which leaves ML.NET's default: 0.</summary>
    public static IDataView Load(MLContext context, string path, bool missingAsNaN = true) => context.Data.LoadFromTextFile(path, new TextLoader.Options
    {
        Separators = [','], HasHeader = true, AllowQuoting = true, MissingRealsAsNaNs = missingAsNaN,
        Columns =
        [
            new("VideoPath", DataKind.String, 0), new("Caption", DataKind.String, 1), new("Start", DataKind.Single, 2), new("End", DataKind.Single, 3),
        ],
    });
}
