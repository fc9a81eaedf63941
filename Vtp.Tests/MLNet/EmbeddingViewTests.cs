using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;
using Vtp.Tests.Video;
using Vtp.Video;

namespace Vtp.Tests.MLNet;

// The lazy view behind the embedding transformer: independent cursors, only the requested columns computed, batches
// read ahead and stopped when a cursor is left early, misuse named (a getter before MoveNext, another schema's column,
// ML.NET's GetColumn with a wrong type), and the direct array API giving the same vectors. Rows batched
// differently from the shared output's batches of 8 agree to float rounding, same batches agree exactly.
[TestClass]
public sealed class EmbeddingViewTests
{
    private static SimVtpEmbeddingTransformer Transformer => DemoSet.Shared.Model.LastTransformer;

    [TestMethod]
    public void InterleavedCursors_EachKeepTheirOwnPlace()
    {
        var context = DemoSet.Shared.Context;
        var output = Transformer.Transform(context.Data.LoadFromEnumerable(DemoSet.Test.Take(10)));
        var column = output.Schema["VideoEmbedding"];

        using var first = output.GetRowCursor([column]);
        using var second = output.GetRowCursor([column]);
        var (a, b) = (first.GetGetter<VBuffer<float>>(column), second.GetGetter<VBuffer<float>>(column));
        VBuffer<float> value = default;
        Assert.IsTrue(first.MoveNext() && first.MoveNext() && first.MoveNext());
        for (int row = 0; row < 10; row++)
        {
            Assert.IsTrue(second.MoveNext());
            b(ref value);
            PipelineTests.AssertClose(DemoSet.SharedTestOutput[row].VideoEmbedding, value.DenseValues().ToArray());
            if (row + 3 >= 10) continue;
            a(ref value);
            PipelineTests.AssertClose(DemoSet.SharedTestOutput[row + 2].VideoEmbedding, value.DenseValues().ToArray());
            Assert.IsTrue(first.MoveNext());
        }
        Assert.IsFalse(second.MoveNext());
        Assert.AreEqual(1, output.GetRowCursorSet([column], 4).Length);
    }

    [TestMethod]
    public void CaptionsOnly_NeverOpenTheVideos()
    {
        var context = new MLContext(1);
        var rows = DemoSet.Test.Take(3).Select(r => new ClipRow { VideoPath = "/nowhere/missing.mp4", Caption = r.Caption });
        var output = Transformer.Transform(context.Data.LoadFromEnumerable(rows));

        var texts = output.GetColumn<float[]>("TextEmbedding").ToList();

        for (int i = 0; i < texts.Count; i++) PipelineTests.AssertClose(DemoSet.SharedTestOutput[i].TextEmbedding, texts[i]);
        var error = Assert.ThrowsExactly<VideoDecodeException>(() => output.GetColumn<float[]>("VideoEmbedding").ToList());
        StringAssert.Contains(error.Message, "/nowhere/missing.mp4");
    }

    [TestMethod]
    public void FailedBatch_FailsEveryLaterReadOfTheCursor()
    {
        var context = new MLContext(1);
        var rows = new[] { new ClipRow { VideoPath = "/nowhere/missing.mp4", Caption = "a" }, DemoSet.Test[0] };
        var output = Transformer.Transform(context.Data.LoadFromEnumerable(rows));
        var column = output.Schema["VideoEmbedding"];
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;

        Assert.IsTrue(cursor.MoveNext());
        var first = Assert.ThrowsExactly<VideoDecodeException>(() => getter(ref value));
        Assert.IsTrue(cursor.MoveNext());
        var second = Assert.ThrowsExactly<VideoDecodeException>(() => getter(ref value));

        Assert.AreEqual(first.Message, second.Message);
    }

    [TestMethod]
    public void InactiveColumn_CannotBeRead()
    {
        var output = Transformer.Transform(DemoSet.Shared.Context.Data.LoadFromEnumerable(DemoSet.Test.Take(2)));
        using var cursor = output.GetRowCursor([output.Schema["Caption"]]);

        Assert.IsFalse(cursor.IsColumnActive(output.Schema["TextEmbedding"]));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<VBuffer<float>>(output.Schema["TextEmbedding"]));
        StringAssert.Contains(error.Message, "Column 'TextEmbedding' is not active");
        Assert.AreEqual(2L, output.GetRowCount());
    }

    [TestMethod]
    public void GetterBeforeMoveNext_AndColumnsOfAnotherSchema_AreRejected()
    {
        var output = Transformer.Transform(DemoSet.Shared.Context.Data.LoadFromEnumerable(DemoSet.Test.Take(2)));
        var foreign = new DataViewSchema.Builder();
        foreach (var column in output.Schema) foreign.AddColumn("Other" + column.Index, column.Type);
        using var cursor = output.GetRowCursor(output.Schema);
        var getter = cursor.GetGetter<VBuffer<float>>(output.Schema["VideoEmbedding"]);
        VBuffer<float> value = default;

        // ML.NET's own enumerable view fails here with a NullReferenceException; Vtp's view says what to do.
        var early = Assert.ThrowsExactly<InvalidOperationException>(() => getter(ref value));
        var other = Assert.ThrowsExactly<InvalidOperationException>(() => output.GetRowCursor([foreign.ToSchema()[1]]));

        Assert.AreEqual("The cursor is not on a row: call MoveNext first.", early.Message);
        Assert.AreEqual("Column 'Other1' (index 1) is not a column of this view's schema.", other.Message);
    }

    [TestMethod]
    public void GetColumn_ReadsEmbeddingsAsArraysOrVBuffers_AndNamesTheColumnForOtherTypes()
    {
        var output = Transformer.Transform(DemoSet.Shared.Context.Data.LoadFromEnumerable(DemoSet.Test.Take(3)));

        var arrays = output.GetColumn<float[]>("VideoEmbedding").ToList();
        var buffers = output.GetColumn<VBuffer<float>>(output.Schema["VideoEmbedding"]).Select(b => b.DenseValues().ToArray()).ToList();
        var wrong = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => output.GetColumn<int>("VideoEmbedding").ToList());

        for (int i = 0; i < 3; i++)
        {
            PipelineTests.AssertClose(DemoSet.SharedTestOutput[i].VideoEmbedding, arrays[i]);
            CollectionAssert.AreEqual(arrays[i], buffers[i], $"row {i} as VBuffer<float>");
        }
        StringAssert.Contains(wrong.Message, "Cannot map column (name: VideoEmbedding, type: Vector<Single, 64>) in data to the user-defined type, System.Int32.");
    }

    [TestMethod]
    [DoNotParallelize]
    public void CursorLeftEarly_StopsTheReadAheadAndItsFfmpeg()
    {
        var context = new MLContext(1);
        var output = Transformer.Transform(context.Data.LoadFromEnumerable(DemoSet.Test));
        var column = output.Schema["VideoEmbedding"];

        using (var cursor = output.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> value = default;
            Assert.IsTrue(cursor.MoveNext());
            getter(ref value);
            CollectionAssert.AreEqual(DemoSet.SharedTestOutput[0].VideoEmbedding, value.DenseValues().ToArray());
        }

        CollectionAssert.AreEqual(Array.Empty<int>(), TestMedia.FfmpegChildrenAfterSettling());
    }

    [TestMethod]
    public void ArrayApi_GivesTheColumnsVectors()
    {
        var rows = DemoSet.Test.Take(8).ToList();

        var videos = Transformer.EmbedVideos(rows.Select(r => r.VideoPath).ToList());
        var texts = Transformer.EmbedTexts(rows.Select(r => r.Caption).ToList());

        for (int i = 0; i < rows.Count; i++)
        {
            CollectionAssert.AreEqual(DemoSet.SharedTestOutput[i].VideoEmbedding, videos[i]);
            CollectionAssert.AreEqual(DemoSet.SharedTestOutput[i].TextEmbedding, texts[i]);
        }
    }
}
