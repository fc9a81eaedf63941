using Vtp.Data;

namespace Vtp.Tests.Data;

/// <summary>JSON lines, WebVid CSV, SimVTP JSON and the extension-based dispatcher.</summary>
[TestClass]
public sealed class OtherAnnotationFormatTests
{
    [TestMethod]
    public void Jsonl_ReadsObjectsSkippingBlankLines()
    {
        using var files = new AnnotationFiles();
        var path = files.Write("a.jsonl",
            "{\"video\": \"a.mp4\", \"caption\": \"one\", \"start\": 1, \"end\": 2.5}\n\n{\"video\": \"b.mp4\", \"caption\": \"two\", \"end\": null}\n");

        CollectionAssert.AreEqual(
            new[] { new VideoTextSample(files.Under("a.mp4"), "one", 1, 2.5), new VideoTextSample(files.Under("b.mp4"), "two") },
            VideoTextJsonl.Read(path).ToArray());
    }

    [TestMethod]
    [DataRow("{\"video\": \"a.mp4\", \"caption\": \"x\"}\n{\"video\": \"b.mp4\", \"caption\": \n", 2, "invalid JSON")]
    [DataRow("{\"video\": \"a.mp4\", \"caption\": \"x\"}\n\n[1, 2]\n", 3, "expected a JSON object, got Array")]
    [DataRow("{\"video\": 5, \"caption\": \"x\"}\n", 1, "'video' must be a string, got Number")]
    [DataRow("{\"video\": \"a.mp4\"}\n", 1, "'caption' must be a string, got nothing")]
    [DataRow("{\"video\": \"a.mp4\", \"caption\": \"x\", \"start\": \"1s\"}\n", 1, "'start' must be a number of seconds or null, got \"1s\"")]
    public void Jsonl_MalformedLine_ThrowsWithLine(string text, int line, string reason)
    {
        using var files = new AnnotationFiles();
        var path = files.Write("bad.jsonl", text);
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => VideoTextJsonl.Read(path));
        Assert.AreEqual(line, e.LineNumber, e.Message);
        StringAssert.Contains(e.Message, reason);
    }

    [TestMethod]
    public void WebVid_BuildsRootPageDirVideoIdMp4AndUsesNameAsCaption()
    {
        using var files = new AnnotationFiles();
        var path = files.Write("results_2M_val.csv",
            "videoid,contentUrl,duration,page_dir,name\n" +
            "1053841541,https://example.com/a.mp4,PT00H00M11S,006001_006050,\"Aerial shot, winter forest\"\n");

        var samples = VideoTextDataset.Read(path, videoRoot: "/webvid/videos");

        CollectionAssert.AreEqual(
            new[] { new VideoTextSample("/webvid/videos/006001_006050/1053841541.mp4", "Aerial shot, winter forest") },
            samples.ToArray());
    }

    [TestMethod]
    public void WebVid_VideoIdWithASlash_ThrowsWithLine()
    {
        using var files = new AnnotationFiles();
        var path = files.Write("w.csv", "videoid,page_dir,name\n1,d,ok\n../2,d,bad\n");
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => WebVidCsv.Read(path));
        Assert.AreEqual(3, e.LineNumber);
        StringAssert.Contains(e.Message, "videoid '../2' is not a valid file name");
    }

    [TestMethod]
    public void SimVtpJson_ReadsThePathToCaptionMapInOrder()
    {
        using var files = new AnnotationFiles();
        var path = files.Write("train.json", "{\n  \"v/b.mp4\": \"second \\\"quoted\\\"\",\n  \"v/a.mp4\": \"first\"\n}\n");

        CollectionAssert.AreEqual(
            new[] { new VideoTextSample(files.Under("v/b.mp4"), "second \"quoted\""), new VideoTextSample(files.Under("v/a.mp4"), "first") },
            VideoTextDataset.Read(path).ToArray());
    }

    [TestMethod]
    [DataRow("{\n  \"a.mp4\": \"x\",\n  \"b.mp4\": 3\n}\n", 3, "the caption of 'b.mp4' must be a string, got Number")]
    [DataRow("{\n  \"a.mp4\": \"x\",\n\n  \"b.mp4\" \"y\"\n}\n", 4, "invalid JSON")]
    [DataRow("[\"a.mp4\"]", 1, "expected a JSON object mapping video paths to captions")]
    [DataRow("{\n\"a.mp4\": \"\"\n}", 2, "the caption of 'a.mp4' is empty")]
    public void SimVtpJson_Malformed_ThrowsWithLine(string text, int line, string reason)
    {
        using var files = new AnnotationFiles();
        var path = files.Write("bad.json", text);
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => SimVtpJson.Read(path));
        Assert.AreEqual(line, e.LineNumber, e.Message);
        StringAssert.Contains(e.Message, reason);
    }

    [TestMethod]
    public void Dataset_UnknownExtension_AndMissingFile_AreClearErrors()
    {
        using var files = new AnnotationFiles();
        var txt = files.Write("a.txt", "video,caption\n");
        StringAssert.Contains(Assert.ThrowsExactly<DatasetFormatException>(() => VideoTextDataset.Read(txt)).Message, "unsupported extension '.txt'");
        var missing = Path.Combine(files.Folder, "none.csv");
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => VideoTextDataset.Read(missing)).Message, missing);
    }
}
