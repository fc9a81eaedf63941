using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's LoadFromTextFile<T>: [LoadColumn] fields, header, separators, quoting, comments and missing values.
[TestClass]
public sealed class TextFileLoadingTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("vtp-compat-text-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [TestMethod]
    public void CsvWithHeaderMapsFieldsByIndex()
    {
        string path = Write("clips.csv", "video,caption,start,end\na.mp4,a dog runs,0.5,2\nb.mp4,a cat,1,3.25\n");
        var data = new MLContext(1).Data.LoadFromTextFile<CsvClip>(path, separatorChar: ',', hasHeader: true);

        var rows = new MLContext(1).Data.CreateEnumerable<CsvClip>(data, reuseRowObject: false).ToArray();

        Assert.AreEqual(2, rows.Length);
        Assert.AreEqual("a.mp4", rows[0].Video);
        Assert.AreEqual("a dog runs", rows[0].Caption);
        Assert.AreEqual(0.5f, rows[0].Start);
        Assert.AreEqual(3.25f, rows[1].End);
        CollectionAssert.AreEqual(new[] { "Video", "Caption", "Start", "End" }, data.Schema.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void WithoutHeaderTheFirstLineIsData()
    {
        string path = Write("clips.tsv", "a.mp4\tfirst\t1\t2\n");

        var data = new MLContext(1).Data.LoadFromTextFile<CsvClip>(path);

        Assert.AreEqual("first", data.GetColumn<string>("Caption").Single());
    }

    [TestMethod]
    public void QuotedFieldsMayContainSeparatorsAndEscapedQuotes()
    {
        string path = Write("quoted.csv", "a.mp4,\"a dog, running\",0,1\nb.mp4,\"he said \"\"hi\"\"\",0,1\n");

        var quoted = new MLContext(1).Data.LoadFromTextFile<CsvClip>(path, ',', allowQuoting: true);
        var literal = new MLContext(1).Data.LoadFromTextFile<CsvClip>(path, ',', allowQuoting: false);

        CollectionAssert.AreEqual(new[] { "a dog, running", "he said \"hi\"" }, quoted.GetColumn<string>("Caption").ToArray());
        Assert.AreEqual("\"a dog", literal.GetColumn<string>("Caption").First());
    }

    [TestMethod]
    public void CommentAndBlankLinesAreSkipped()
    {
        string path = Write("comments.tsv", "# leading comment\n\nvideo\tcaption\tstart\tend\n// comment\na.mp4\tx\t1\t2\n\n");

        var data = new MLContext(1).Data.LoadFromTextFile<CsvClip>(path, hasHeader: true);

        CollectionAssert.AreEqual(new[] { "a.mp4" }, data.GetColumn<string>("Video").ToArray());
    }

    [TestMethod]
    public void MissingFieldsReadAsDefaults()
    {
        string path = Write("short.csv", "a.mp4,caption\n");

        var row = new MLContext(1).Data.CreateEnumerable<CsvClip>(
            new MLContext(1).Data.LoadFromTextFile<CsvClip>(path, ','), reuseRowObject: false).Single();

        Assert.AreEqual("caption", row.Caption);
        Assert.AreEqual(0f, row.Start);
        Assert.AreEqual(0f, row.End);
    }

    [TestMethod]
    public void RangeOfFieldsLoadsAsFixedSizeVector()
    {
        string path = Write("vectors.csv", "x,1,2,3\ny,4,5,6\n");

        var data = new MLContext(1).Data.LoadFromTextFile<VectorLine>(path, ',');

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema["Values"].Type);
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, data.GetColumn<float[]>("Values").Last());
    }

    [TestMethod]
    public void UnparsableRealReadsAsNaNAndIsReportedInTheLog()
    {
        string path = Write("bad.csv", "a.mp4,x,oops,1\n");
        var context = new MLContext(1);
        var warnings = new List<string>();
        context.Log += (_, e) =>
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning)
                warnings.Add(e.Message);
        };

        float start = context.Data.LoadFromTextFile<CsvClip>(path, ',').GetColumn<float>("Start").Single();

        Assert.IsTrue(float.IsNaN(start));
        Assert.AreEqual(1, warnings.Count);
        StringAssert.Contains(warnings[0], "oops");
    }

    [TestMethod]
    public void MissingFileAndMissingLoadColumnAreReported()
    {
        var context = new MLContext(1);
        string path = Write("ok.csv", "1\n");

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Data.LoadFromTextFile<CsvClip>(Path.Combine(_folder, "none.csv")));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.Data.LoadFromTextFile<TextRow>(path));
        StringAssert.Contains(error.Message, "Text");
    }

    [TestMethod]
    public void EveryCursorReadsTheFileAgain()
    {
        string path = Write("twice.csv", "a.mp4,x,1,2\n");
        var data = new MLContext(1).Data.LoadFromTextFile<CsvClip>(path, ',');

        Assert.AreEqual(1, data.GetColumn<string>("Video").Count());
        File.AppendAllText(path, "b.mp4,y,3,4\n");
        Assert.AreEqual(2, data.GetColumn<string>("Video").Count());
    }

    private sealed class CsvClip
    {
        [LoadColumn(0)]
        public string Video { get; set; } = "";

        [LoadColumn(1)]
        public string Caption { get; set; } = "";

        [LoadColumn(2)]
        public float Start { get; set; }

        [LoadColumn(3)]
        public float End { get; set; }
    }

    private sealed class VectorLine
    {
        [LoadColumn(0)]
        public string Name { get; set; } = "";

        [LoadColumn(1, 3)]
        public float[] Values { get; set; } = Array.Empty<float>();
    }
}
