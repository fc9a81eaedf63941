using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;

namespace Vtp.Tests.MLNet;

// MlNetInterop is Vtp's one reflection into ML.NET internals (SchemaShape.Column's internal constructor); every
// promised output column goes through it, so the estimators' shapes show that it builds columns faithfully.
[TestClass]
public sealed class MlNetInteropTests
{
    [TestMethod]
    public void PromisedColumns_HaveTheKindItemTypeAndKeyFlagAsked()
    {
        var context = new MLContext(1);
        var input = Shapes.Of(context.Data.LoadFromEnumerable(DemoSet.Train).Schema);
        var options = new SimVtpFineTuneEstimator.Options { VideoEmbeddingColumnName = "V", TextEmbeddingColumnName = "T" };

        var shape = context.Transforms.SimVtpFineTune(context, options).GetOutputSchema(input);

        var video = shape.Single(c => c.Name == "V");
        Assert.AreEqual((SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false, 0),
            (video.Kind, video.ItemType, video.IsKey, video.Annotations.Count));
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, shape.Single(c => c.Name == "T").Kind);
        Assert.AreEqual(input.Count + 2, shape.Count);
    }
}
