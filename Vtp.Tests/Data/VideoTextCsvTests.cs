using Vtp.Data;

namespace Vtp.Tests.Data;

[TestClass]
public sealed class VideoTextCsvTests
{
    [TestMethod]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks_FollowRfc4180()
    {
        using var files = new AnnotationFiles();
        var path = files.Write("a.csv",
            "video,caption,start,end\r\n" +
            "clips/a.mp4,\"a dog, running\",1.5,3\r\n" +
            "\"clips/b c.mp4\",\"she said \"\"hi\"\"\",,\r\n" +
            "clips/d.mp4,\"two\r\nlines\",0,2.25\r\n");

        var samples = VideoTextCsv.Read(path);

        CollectionAssert.AreEqual(
            new[]
            {
                new VideoTextSample(files.Under("clips/a.mp4"), "a dog, running", 1.5, 3),
                new VideoTextSample(files.Under("clips/b c.mp4"), "she said \"hi\""),
                new VideoTextSample(files.Under("clips/d.mp4"), "two\r\nlines", 0, 2.25),
            },
            samples.ToArray());
    }

    [TestMethod]
    public void Read_ColumnsInAnyOrderWithoutTimes_AndAVideoRoot()
    {
        using var files = new AnnotationFiles();
        var path = files.Write("b.csv", "caption,extra,video\nhello,x,v1.mp4\n\nbye,y,/abs/v2.mp4\n");

        var samples = VideoTextCsv.Read(path, videoRoot: "/data/videos");

        CollectionAssert.AreEqual(
            new[] { new VideoTextSample("/data/videos/v1.mp4", "hello"), new VideoTextSample("/abs/v2.mp4", "bye") },
            samples.ToArray());
    }

    [TestMethod]
    [DataRow("video,caption\na.mp4,one\nb.mp4,two,extra\n", 3, "expected 2 fields as in the header, got 3")]
    [DataRow("video,caption\na.mp4,\"open\nb.mp4,two\n", 2, "quoted field is not closed")]
    [DataRow("video,caption\na.mp4,say \"x\"\n", 2, "double quote inside an unquoted field")]
    [DataRow("video,caption\na.mp4,\"x\"y\n", 2, "unexpected 'y' after a closing quote")]
    [DataRow("video,caption,start\na.mp4,one,1\nb.mp4,two,soon\n", 3, "column 'start': 'soon' is not a number")]
    [DataRow("video,caption,start,end\na.mp4,one,4,2\n", 2, "end > start, got start=4, end=2")]
    [DataRow("video,caption\n\"multi\nline.mp4\",ok\nb.mp4,\n", 4, "the caption of 'b.mp4' is empty")]
    [DataRow("video,text\na.mp4,one\n", 1, "the header has no 'caption' column (found: video, text)")]
    public void Read_MalformedRow_ThrowsWithFileAndLine(string text, int line, string reason)
    {
        using var files = new AnnotationFiles();
        var path = files.Write("bad.csv", text);

        var e = Assert.ThrowsExactly<DatasetFormatException>(() => VideoTextCsv.Read(path));

        Assert.AreEqual(line, e.LineNumber, e.Message);
        StringAssert.Contains(e.Message, $"'{path}' line {line}: ");
        StringAssert.Contains(e.Message, reason);
    }

    [TestMethod]
    public void Read_EmptyFile_SaysAHeaderIsExpected()
    {
        using var files = new AnnotationFiles();
        var path = files.Write("empty.csv", "");
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => VideoTextCsv.Read(path));
        StringAssert.Contains(e.Message, "expected a header row");
    }

    [TestMethod]
    public void Write_ThenRead_GivesBackTheSamples()
    {
        using var files = new AnnotationFiles();
        VideoTextSample[] samples =
        [
            new(files.Under("videos/x.mp4"), "quote \" and, comma", 0.1, 0.30000000000000004),
            new(files.Under("videos/y.mp4"), "plain"),
            new("/elsewhere/z.mp4", "line\nbreak"),
        ];
        var path = Path.Combine(files.Folder, "out.csv");

        VideoTextCsv.Write(path, samples);

        CollectionAssert.AreEqual(samples, VideoTextCsv.Read(path).ToArray());
        StringAssert.StartsWith(File.ReadAllLines(path)[1], "videos/x.mp4,", "paths under the folder are written relative to it");
    }
}
